package io.touchpoint.mongo.standin;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * The MongoDB stand-in's backends: mongo-java-server's own, except that a query naming the keys of a unique index
 * (typically {@code _id}) reads its candidates from that index even when it has other conditions too ({@link
 * IndexLookup}). Without this every conditional update by id (optimistic locking, lease tokens, outbox claims) scans
 * its whole collection, and throughput falls as data grows, which MongoDB itself does not do.
 */
public final class StandInBackends {

    private StandInBackends() {}

    /** Keeps everything in memory: one per test JVM. */
    public static MongoBackend inMemory() {
        return new IndexedMemoryBackend();
    }

    /** Keeps its data in an H2 MVStore file, so a restart keeps it: the local launcher's default. */
    public static H2Backend inFile(String fileName) {
        return new IndexedH2Backend(fileName);
    }

    private static final class IndexedMemoryBackend extends MemoryBackend {

        @Override
        public MemoryDatabase openOrCreateDatabase(String databaseName) {
            return new MemoryDatabase(databaseName, getCursorRegistry()) {
                @Override
                protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                    return new IndexedMemoryCollection(this, collectionName, options, cursorRegistry);
                }
            };
        }
    }

    private static final class IndexedMemoryCollection extends MemoryCollection {

        IndexedMemoryCollection(
                MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        @Override
        protected QueryResult queryDocuments(
                Document query, Document orderBy, int skip, int limit, int batchSize, Document fieldSelector) {
            Iterable<Integer> candidates = IndexLookup.candidates(getIndexes(), query);
            return candidates == null
                    ? super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector)
                    : matchDocuments(query, candidates, orderBy, skip, limit, batchSize, fieldSelector);
        }
    }

    private static final class IndexedH2Backend extends H2Backend {

        IndexedH2Backend(String fileName) {
            super(fileName);
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new IndexedH2Database(databaseName);
        }

        /**
         * An inner class: H2Database's constructor opens the existing collections before any field of a subclass
         * is set, and the enclosing backend (and its MVStore) is the one thing already reachable then.
         */
        private final class IndexedH2Database extends H2Database {

            IndexedH2Database(String databaseName) {
                super(databaseName, getMvStore(), getCursorRegistry());
            }

            @Override
            protected H2Collection openOrCreateCollection(String collectionName, CollectionOptions options) {
                // The map names H2Database itself uses, so files written before stay readable.
                String fullName = getFullCollectionNamespace(collectionName);
                MVMap<Object, Document> data = getMvStore().openMap("databases." + fullName);
                MVMap<String, Object> meta = getMvStore().openMap("meta." + fullName);
                return new IndexedH2Collection(this, collectionName, options, data, meta, cursorRegistry);
            }
        }
    }

    private static final class IndexedH2Collection extends H2Collection {

        IndexedH2Collection(
                MongoDatabase database,
                String name,
                CollectionOptions options,
                MVMap<Object, Document> data,
                MVMap<String, Object> meta,
                CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
        }

        @Override
        protected QueryResult queryDocuments(
                Document query, Document orderBy, int skip, int limit, int batchSize, Document fieldSelector) {
            Iterable<Object> candidates = IndexLookup.candidates(getIndexes(), query);
            return candidates == null
                    ? super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector)
                    : matchDocuments(query, candidates, orderBy, skip, limit, batchSize, fieldSelector);
        }
    }
}
