package io.touchpoint.mongo.standin;

import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Where a query of one collection reads its candidate documents from, the first that applies: a unique index whose
 * keys it names ({@link IndexLookup}), else the documents with a first element in the array it asks for ({@link
 * NonEmptyArrays}), else a non-unique index whose leading keys it names ({@link SecondaryIndexes}), else all of them.
 * The collection tells it about every write.
 *
 * @param <P> the backend's document positions
 */
final class Candidates<P> {

    private final NonEmptyArrays<P> nonEmptyArrays = new NonEmptyArrays<>();
    private final SecondaryIndexes<P> secondaryIndexes = new SecondaryIndexes<>();

    /** The positions to match {@code query} on, or {@code null}: all of them. */
    Iterable<P> of(List<Index<P>> indexes, Document query, Supplier<Stream<DocumentWithPosition<P>>> allDocuments) {
        Iterable<P> byIndex = IndexLookup.candidates(indexes, query);
        if (byIndex != null) {
            return byIndex;
        }
        Iterable<P> withElements = nonEmptyArrays.candidates(query, allDocuments);
        return withElements != null ? withElements : secondaryIndexes.candidates(indexes, query, allDocuments);
    }

    /**
     * After an insert ({@code before} is null) or an update: the document at {@code position} is now {@code after}.
     */
    void written(P position, Document before, Document after) {
        nonEmptyArrays.written(position, after);
        secondaryIndexes.written(position, before, after);
    }

    /** After a delete of {@code document}, which was at {@code position}. */
    void removed(P position, Document document) {
        nonEmptyArrays.removed(position);
        secondaryIndexes.removed(position, document);
    }

    void cleared() {
        nonEmptyArrays.cleared();
        secondaryIndexes.cleared();
    }
}
