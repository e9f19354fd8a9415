package io.touchpoint.mongo.standin;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * A unique index in the H2 file whose keys are compared by their values. mongo-java-server's own H2 index keeps its
 * keys in a map with H2's default key type, which compares keys that are not {@link Comparable} (as index keys are
 * not) by serializing both sides with Java serialization: every lookup by {@code _id} serialized about thirty
 * objects, and that was a third of the stand-in's CPU under load. Its keys are stored as BSON ({@link KeyType}).
 *
 * <p>The order is not the one those maps were written in, and the positions it maps keys to are the collection's
 * insertion numbers, where they were {@code _id} values before, so this index lives in a map of its own name; the
 * collection fills it from its documents when it opens an empty index, and the maps written before are removed.
 */
final class KeyOrderedIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<KeyValue, Object> keys;

    private KeyOrderedIndex(MVMap<KeyValue, Object> keys, String name, List<IndexKey> indexKeys, boolean sparse) {
        super(name, indexKeys, sparse);
        this.keys = keys;
    }

    /** Opens the index {@code indexName} of the collection {@code namespace} ({@code database.collection}). */
    static KeyOrderedIndex open(
            MVStore store, String namespace, String indexName, List<IndexKey> indexKeys, boolean sparse) {
        for (String former : formerMapNames(namespace, indexName)) {
            if (store.hasMap(former)) {
                store.removeMap(former);
            }
        }
        MVMap<KeyValue, Object> keys = store.openMap(mapName(namespace, indexName), positions());
        return new KeyOrderedIndex(keys, indexName, indexKeys, sparse);
    }

    /**
     * This index's map. It starts with the database's name, as all its maps do, so dropping the database drops it.
     */
    static String mapName(String namespace, String indexName) {
        return namespace + "._positions_" + indexName;
    }

    /** A builder per map: the index's keys, in {@link KeyType}, each to a document's position. */
    static MVMap.Builder<KeyValue, Object> positions() {
        return new MVMap.Builder<KeyValue, Object>().keyType(new KeyType());
    }

    /** The maps mongo-java-server's own index of that name used, then ours when positions were {@code _id}s. */
    private static List<String> formerMapNames(String namespace, String indexName) {
        return List.of(namespace + "._index_" + indexName, namespace + "._keys_" + indexName);
    }

    /**
     * Empties this index if it cannot be complete for a collection of {@code documents} documents: a unique index that
     * is not sparse holds a key for every document. The collection fills an empty index from its documents when it
     * adds it; one whose filling a crash cut short (after a file of an earlier version was moved over, say) would
     * otherwise miss documents for good.
     */
    void clearIfIncomplete(long documents) {
        if (!isSparse() && keys.sizeAsLong() != documents) {
            keys.clear();
        }
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return keys.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return keys.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return keys.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return keys.get(key);
    }

    @Override
    public long getCount() {
        return keys.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return keys.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    /**
     * Index keys compared value by value in MongoDB's order, and stored as BSON. Values MongoDB orders as equal but
     * that are not the same value (an int and a long of one number, say) are ordered by their serialized form, as H2
     * orders every key by default, so two keys compare as equal exactly when they are.
     *
     * <p>H2's default type wrote each key with Java serialization, class descriptors included, and read it back the
     * same way whenever the store compacted a chunk or missed its cache: 14 % of the stand-in's CPU under ticket-flow
     * (JFR). A key is now written as a BSON document of its values behind a tag H2's own type does not use (its tags
     * end at 119), so keys written before still read as H2 wrote them. Only keys whose values all read back from
     * BSON as the very same value take that way ({@link #readsBackExactly}): a key that came back as another class
     * (a {@code Date} as an {@code Instant}, say) would no longer compare equal to itself. The others (a document,
     * a list) are still written H2's way.
     */
    static final class KeyType extends ObjectDataType {

        private static final Comparator<Object> VALUES = ValueComparator.ascWithoutListHandling();

        private static final byte BSON_KEY = (byte) 0xF0;

        @Override
        public int compare(Object a, Object b) {
            if (a instanceof KeyValue left && b instanceof KeyValue right) {
                int byValue = compareValues(left, right);
                if (byValue != 0 || left.equals(right)) {
                    return byValue;
                }
            }
            return super.compare(a, b);
        }

        @Override
        public void write(WriteBuffer buffer, Object key) {
            if (!(key instanceof KeyValue values)
                    || !readsBackExactly(values)
                    || BsonBytes.write(buffer, BSON_KEY, asDocument(values), 64) < 0) {
                super.write(buffer, key);
            }
        }

        private static boolean readsBackExactly(KeyValue key) {
            for (Object value : key) {
                if (!(value == null
                        || value instanceof String
                        || value instanceof Integer
                        || value instanceof Long
                        || value instanceof Double
                        || value instanceof Boolean
                        || value instanceof Instant
                        || value instanceof ObjectId)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Object read(ByteBuffer buffer) {
            if (buffer.get(buffer.position()) != BSON_KEY) {
                return super.read(buffer);
            }
            buffer.get();
            return new KeyValue(BsonBytes.read(buffer).values());
        }

        private static Document asDocument(KeyValue key) {
            Document values = new Document();
            for (int i = 0; i < key.size(); i++) {
                values.put(Integer.toString(i), key.get(i));
            }
            return values;
        }

        private static int compareValues(KeyValue left, KeyValue right) {
            int common = Math.min(left.size(), right.size());
            for (int i = 0; i < common; i++) {
                Object a = left.get(i);
                Object b = right.get(i);
                // What MongoDB's order gives two strings, without first ranking their types (most keys are strings).
                int byValue = a instanceof String x && b instanceof String y ? x.compareTo(y) : VALUES.compare(a, b);
                if (byValue != 0) {
                    return byValue;
                }
            }
            return Integer.compare(left.size(), right.size());
        }
    }
}
