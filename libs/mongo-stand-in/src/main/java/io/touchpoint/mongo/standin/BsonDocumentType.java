package io.touchpoint.mongo.standin;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * Documents in the H2 file as BSON, the encoding the stand-in already reads and writes on the wire. H2's default
 * value type wrote each document with Java serialization, class descriptors included, and read it back the same
 * way whenever the store compacted a chunk: serializing and deserializing were over a third of the stand-in's CPU
 * under load (JFR, ticket-flow). A document BSON cannot hold (none the stand-in receives over the wire) is still
 * written with Java serialization, marked as such.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    private static final byte BSON = 1;

    private static final byte SERIALIZED = 0;

    private final ObjectDataType serialized = new ObjectDataType();

    /** What H2 counts a document as in its page cache: the running average of the sizes written. */
    private volatile int averageSize = 512;

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    @Override
    public int getMemory(Document document) {
        return averageSize;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        int size = BsonBytes.write(buffer, BSON, document, averageSize);
        if (size < 0) {
            buffer.put(SERIALIZED);
            serialized.write(buffer, document);
        } else {
            averageSize = (averageSize * 7 + size) / 8;
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        return buffer.get() == SERIALIZED ? (Document) serialized.read(buffer) : BsonBytes.read(buffer);
    }

    /** Documents are values, never keys: H2 compares values only to tell whether they are equal. */
    @Override
    public int compare(Document a, Document b) {
        return a.equals(b) ? 0 : serialized.compare(a, b);
    }
}
