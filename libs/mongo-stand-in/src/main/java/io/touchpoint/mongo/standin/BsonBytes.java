package io.touchpoint.mongo.standin;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;

/**
 * A document in an H2 page as BSON, the encoding the stand-in already reads and writes on the wire: a tag of the
 * caller's, the length, the bytes.
 */
final class BsonBytes {

    private BsonBytes() {}

    /**
     * Writes {@code tag} and {@code document} as BSON and returns its size; returns -1 with nothing written when BSON
     * cannot hold one of its values.
     */
    static int write(WriteBuffer buffer, byte tag, Document document, int expectedSize) {
        ByteBuf bson = Unpooled.buffer(expectedSize);
        try {
            BsonEncoder.encodeDocument(document, bson);
            int size = bson.readableBytes();
            buffer.put(tag).putVarInt(size).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), size);
            return size;
        } catch (RuntimeException notBson) {
            return -1;
        } finally {
            bson.release();
        }
    }

    /** Reads a document {@link #write} wrote, from just after its tag. */
    static Document read(ByteBuffer buffer) {
        int size = DataUtils.readVarInt(buffer);
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buffer.slice(buffer.position(), size)));
        buffer.position(buffer.position() + size);
        return document;
    }
}
