package io.touchpoint.mongo.standin;

import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which documents of one collection have a first element in an array field, for queries such as the outbox sweep's
 * {@code {"outbox.0": {$exists: true}, ...}}: what MongoDB answers from the partial index the code declares for it.
 * mongo-java-server ignores non-unique indexes, so such a query read the whole collection, and it held the
 * collection's lock all along (every query and write of a collection is synchronized): one sweep of a large collection
 * stalled every write to it for as long as the read took. A field is tracked from the first query that asks for it
 * (one scan), then kept up to date by every write; the rest of the query is matched on the candidates as usual.
 *
 * @param <P> the backend's document positions
 */
final class NonEmptyArrays<P> {

    private static final String FIRST_ELEMENT = ".0";

    private final Map<String, Set<P>> positionsByField = new ConcurrentHashMap<>();

    /**
     * The positions of the documents that can match {@code query}, or {@code null} when it asks for no first element
     * of a top-level field.
     */
    Iterable<P> candidates(Document query, Supplier<Stream<DocumentWithPosition<P>>> allDocuments) {
        for (Map.Entry<String, Object> condition : query.entrySet()) {
            String field = arrayField(condition.getKey());
            if (field != null && isExistsTrue(condition.getValue())) {
                return List.copyOf(positionsByField.computeIfAbsent(field, tracked -> allDocuments
                        .get()
                        .filter(stored -> hasFirstElement(stored.getDocument(), tracked))
                        .map(DocumentWithPosition::getPosition)
                        .collect(Collectors.toCollection(ConcurrentHashMap::newKeySet))));
            }
        }
        return null;
    }

    /** After an insert or an update: the document at {@code position} is now {@code document}. */
    void written(P position, Document document) {
        positionsByField.forEach((field, positions) -> {
            if (hasFirstElement(document, field)) {
                positions.add(position);
            } else {
                positions.remove(position);
            }
        });
    }

    void removed(P position) {
        positionsByField.values().forEach(positions -> positions.remove(position));
    }

    void cleared() {
        positionsByField.clear();
    }

    /** {@code "outbox"} for {@code "outbox.0"}; null for anything else (nested paths are not tracked). */
    private static String arrayField(String key) {
        if (!key.endsWith(FIRST_ELEMENT)) {
            return null;
        }
        String field = key.substring(0, key.length() - FIRST_ELEMENT.length());
        return field.isEmpty() || field.contains(".") || field.startsWith("$") ? null : field;
    }

    private static boolean isExistsTrue(Object condition) {
        return condition instanceof Document operators
                && operators.size() == 1
                && Boolean.TRUE.equals(operators.get("$exists"));
    }

    /** What {@code {"<field>.0": {$exists: true}}} matches: a non-empty array, or a subdocument with a key "0". */
    private static boolean hasFirstElement(Document document, String field) {
        Object value = document.get(field);
        return value instanceof List<?> list
                ? !list.isEmpty()
                : value instanceof Document subdocument && subdocument.containsKey("0");
    }
}
