package io.touchpoint.mongo.standin;

import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What a declared non-unique index gives MongoDB, for the stand-in, which ignores such indexes: the documents whose
 * leading index keys hold the strings a query asks for. A list of one tenant's tickets ({@code {tenantId: t, status:
 * {$in: [...]}}}, index {@code {tenantId, status, _id}}) then reads that tenant's open tickets instead of every
 * ticket of every tenant, under the collection's lock that every write waits for.
 *
 * <p>A query is looked up by the index whose leading keys it names most of, each by a string or {@code $eq}/{@code
 * $in} of strings; the rest of the query (and any sort) is applied to the candidates as usual. Those leading keys are
 * tracked from the first query that uses them (one scan of the collection), then kept up to date by every write. A
 * document is filed under every combination of its string values of the keys (an array of strings gives one entry per
 * element, as MongoDB's multikey indexes do); a document with an array on the way to a nested key is a candidate for
 * every lookup, so nothing that could match is ever left out.
 *
 * @param <P> the backend's document positions
 */
final class SecondaryIndexes<P> {

    /** More combinations of {@code $in} values than this read the whole collection instead. */
    private static final int MAX_LOOKUPS = 64;

    /**
     * Key lists tracked per collection, at most: each holds an entry per document. Past it, a query uses the longest
     * tracked prefix of its keys, or reads the whole collection.
     */
    private static final int MAX_TRACKED = 4;

    private final Map<List<String>, Tracked<P>> trackedByKeys = new HashMap<>();

    /**
     * The positions of the documents that can match {@code query}, or {@code null} when no non-unique index applies.
     */
    synchronized Iterable<P> candidates(
            List<? extends Index<P>> indexes, Document query, Supplier<Stream<DocumentWithPosition<P>>> allDocuments) {
        List<String> keys = null;
        for (Index<P> index : indexes) {
            if (!index.isUnique()) {
                List<String> usable = leadingKeysAskedFor(index, query);
                if (keys == null || usable.size() > keys.size()) {
                    keys = usable;
                }
            }
        }
        while (keys != null
                && !keys.isEmpty()
                && !trackedByKeys.containsKey(keys)
                && trackedByKeys.size() >= MAX_TRACKED) {
            keys = keys.subList(0, keys.size() - 1);
        }
        if (keys == null || keys.isEmpty()) {
            return null;
        }
        List<List<String>> lookups =
                combinations(keys.stream().map(key -> asked(query.get(key))).toList(), MAX_LOOKUPS);
        if (lookups.size() > MAX_LOOKUPS) {
            return null;
        }
        Tracked<P> tracked = trackedByKeys.computeIfAbsent(List.copyOf(keys), tracking -> {
            Tracked<P> fresh = new Tracked<>(tracking);
            allDocuments.get().forEach(stored -> fresh.file(stored.getPosition(), stored.getDocument()));
            return fresh;
        });
        return tracked.lookUp(lookups);
    }

    /**
     * After an insert ({@code before} is null) or an update: the document at {@code position} is now {@code after}.
     */
    synchronized void written(P position, Document before, Document after) {
        for (Tracked<P> tracked : trackedByKeys.values()) {
            if (before != null) {
                tracked.unfile(position, before);
            }
            tracked.file(position, after);
        }
    }

    /** After a delete of {@code document}, which was at {@code position}. */
    synchronized void removed(P position, Document document) {
        trackedByKeys.values().forEach(tracked -> tracked.unfile(position, document));
    }

    synchronized void cleared() {
        trackedByKeys.clear();
    }

    /** The index's keys, from the first on, that the query asks for by strings; empty if not the first. */
    private static List<String> leadingKeysAskedFor(Index<?> index, Document query) {
        List<String> keys = new ArrayList<>();
        for (IndexKey key : index.getKeys()) {
            if (asked(query.get(key.getKey())) == null) {
                break;
            }
            keys.add(key.getKey());
        }
        return keys;
    }

    /** The strings a condition matches by equality ({@code "x"}, {@code {$eq: "x"}}, {@code {$in: ["x", "y"]}}). */
    private static List<String> asked(Object condition) {
        if (condition instanceof String value) {
            return List.of(value);
        }
        if (condition instanceof Document operators && operators.size() == 1) {
            if (operators.get("$eq") instanceof String value) {
                return List.of(value);
            }
            if (operators.get("$in") instanceof Collection<?> values
                    && !values.isEmpty()
                    && values.stream().allMatch(String.class::isInstance)) {
                return values.stream().map(String.class::cast).distinct().toList();
            }
        }
        return null;
    }

    /**
     * Every way to pick one value per key: {@code [[a], [x, y]]} gives {@code [[a, x], [a, y]]}; stops once there are
     * more than {@code limit}.
     */
    private static List<List<String>> combinations(List<List<String>> valuesPerKey, int limit) {
        List<List<String>> combinations = List.of(List.of());
        for (List<String> values : valuesPerKey) {
            List<List<String>> longer = new ArrayList<>();
            for (List<String> prefix : combinations) {
                for (String value : values) {
                    List<String> combination = new ArrayList<>(prefix);
                    combination.add(value);
                    longer.add(combination);
                }
                if (longer.size() > limit) {
                    return longer;
                }
            }
            combinations = longer;
        }
        return combinations;
    }

    /** The documents of one collection filed by their values of some keys. */
    private static final class Tracked<P> {

        private final List<String> keys;
        private final Map<List<String>, Set<P>> positionsByValues = new HashMap<>();
        /** Documents with an array on the way to a nested key: candidates for every lookup. */
        private final Set<P> always = new LinkedHashSet<>();

        Tracked(List<String> keys) {
            this.keys = keys;
        }

        Iterable<P> lookUp(List<List<String>> lookups) {
            Set<P> candidates = new LinkedHashSet<>();
            for (List<String> values : lookups) {
                candidates.addAll(positionsByValues.getOrDefault(values, Set.of()));
            }
            candidates.addAll(always);
            return List.copyOf(candidates);
        }

        void file(P position, Document document) {
            List<List<String>> filed = valuesOf(document);
            if (filed == null) {
                always.add(position);
                return;
            }
            for (List<String> values : filed) {
                positionsByValues
                        .computeIfAbsent(values, ignored -> new LinkedHashSet<>())
                        .add(position);
            }
        }

        /** Takes out what {@link #file} put in for {@code document}, which was at {@code position}. */
        void unfile(P position, Document document) {
            List<List<String>> filed = valuesOf(document);
            if (filed == null) {
                always.remove(position);
                return;
            }
            for (List<String> values : filed) {
                Set<P> positions = positionsByValues.get(values);
                if (positions != null && positions.remove(position) && positions.isEmpty()) {
                    positionsByValues.remove(values);
                }
            }
        }

        /**
         * Every combination of the document's strings at the keys (none when a key holds no string), or {@code null}
         * when an array on the way to a nested key makes it a candidate for every lookup.
         */
        private List<List<String>> valuesOf(Document document) {
            List<List<String>> valuesPerKey = new ArrayList<>();
            for (String key : keys) {
                List<String> values = stringsAt(document, key);
                if (values == null) {
                    return null;
                }
                if (values.isEmpty()) {
                    return List.of();
                }
                valuesPerKey.add(values);
            }
            return combinations(valuesPerKey, Integer.MAX_VALUE);
        }

        /**
         * The strings a document holds at a dotted path (a string, or the strings of an array at its end); empty when
         * it holds none; {@code null} when an array on the way makes the path ambiguous.
         */
        private static List<String> stringsAt(Document document, String path) {
            Object value = document;
            for (String part : path.split("\\.")) {
                if (value instanceof Document nested) {
                    value = nested.get(part);
                } else if (value instanceof List<?>) {
                    return null;
                } else {
                    return List.of();
                }
            }
            if (value instanceof String string) {
                return List.of(string);
            }
            if (value instanceof List<?> list) {
                return list.stream()
                        .filter(String.class::isInstance)
                        .map(String.class::cast)
                        .distinct()
                        .toList();
            }
            return List.of();
        }
    }
}
