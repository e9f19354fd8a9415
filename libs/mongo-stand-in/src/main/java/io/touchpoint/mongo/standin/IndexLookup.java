package io.touchpoint.mongo.standin;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;

/**
 * Picks the candidate documents of a query from a unique index whose keys the query names, the way MongoDB's planner
 * does. mongo-java-server uses an index only when the query names exactly its keys and nothing else, so
 * {@code {_id: x, version: 3}} or {@code {_id: x, "lease.token": t}} scan the whole collection; this looks the
 * document up by {@code _id} and leaves the rest of the query to the usual matcher.
 */
final class IndexLookup {

    private IndexLookup() {}

    /** The positions the index gives for the query's values of its keys, or {@code null} when no index applies. */
    static <P> Iterable<P> candidates(List<Index<P>> indexes, Document query) {
        for (Index<P> index : indexes) {
            Document keys = keysOf(index, query);
            if (keys != null && index.canHandle(keys)) {
                return index.getPositions(keys);
            }
        }
        return null;
    }

    private static Document keysOf(Index<?> index, Document query) {
        Document keys = new Document();
        for (IndexKey key : index.getKeys()) {
            if (!query.containsKey(key.getKey())) {
                return null;
            }
            keys.put(key.getKey(), query.get(key.getKey()));
        }
        return keys;
    }
}
