package io.touchpoint.mongo.standin;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.List;
import java.util.function.Supplier;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The MongoDB stand-in's backends: mongo-java-server's own, except that a query naming the keys of a unique index
 * (typically {@code _id}) reads its candidates from that index even when it has other conditions too ({@link
 * IndexLookup}), a query for documents with a first element in an array (the outbox sweep's) reads only those ({@link
 * NonEmptyArrays}), and a query naming the leading keys of a non-unique index (one tenant's tickets) reads only the
 * documents with those values ({@link SecondaryIndexes}); {@link Candidates} picks. Without this every conditional
 * update by id (optimistic locking, lease tokens, outbox claims), every sweep and every list scans its whole
 * collection, holding the collection's lock, and throughput falls as data grows, which MongoDB itself does not do. In
 * the H2 file, unique indexes also compare their keys by value rather than by serializing them ({@link
 * KeyOrderedIndex}), and documents are stored as BSON ({@link BsonDocumentType}), numbered in insertion order
 * ({@link IndexedH2Collection}). Indexes are created and dropped under the collection's lock, as its reads and writes
 * are.
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

    /**
     * A non-unique index, as mongo-java-server declares it (an index that holds nothing), without its warning that
     * such indexes are ignored: {@link SecondaryIndexes} answers queries on their leading keys. It says it is not
     * empty, so that adding it (on every open of the database, and on every {@code createIndexes} of an index not
     * open yet) does not read the whole collection twice to file nothing: with 330,000 tickets in the launcher's
     * file, ticket-service waited 24 s for that at each start.
     */
    private static <P> Index<P> secondaryIndex(String name, List<IndexKey> keys) {
        return new EmptyIndex<>(name, keys) {
            @Override
            public boolean isEmpty() {
                return false;
            }
        };
    }

    /**
     * Runs {@code read} with the store's current version registered as in use, so that no chunk it reads is dropped
     * before it is done. H2 does not count an open cursor as a use: a scan of a big collection (the first outbox sweep
     * after a start reads them all) while H2 compacted the file failed with "Chunk … not found"
     * (h2database/h2database#4383, open for 2.4.240), seen on a 2 GB launcher file at every start.
     */
    private static <T> T reading(MVStore store, Supplier<T> read) {
        MVStore.TxCounter version = store.registerVersionUsage();
        try {
            return read.get();
        } finally {
            store.deregisterVersionUsage(version);
        }
    }

    /** A builder per map of a collection's documents: H2 completes a builder's missing key type when it opens it. */
    static MVMap.Builder<Object, Document> documents() {
        return new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType());
    }

    private static final class IndexedMemoryBackend extends MemoryBackend {

        @Override
        public MemoryDatabase openOrCreateDatabase(String databaseName) {
            return new MemoryDatabase(databaseName, getCursorRegistry()) {
                @Override
                protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                    return new IndexedMemoryCollection(this, collectionName, options, cursorRegistry);
                }

                @Override
                protected Index<Integer> openOrCreateSecondaryIndex(
                        String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
                    return secondaryIndex(indexName, keys);
                }
            };
        }
    }

    private static final class IndexedMemoryCollection extends MemoryCollection {

        private final Candidates<Integer> candidates = new Candidates<>();

        IndexedMemoryCollection(
                MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        @Override
        protected QueryResult queryDocuments(
                Document query, Document orderBy, int skip, int limit, int batchSize, Document fieldSelector) {
            // Under the collection's lock, which every write holds too (count() reaches here without it).
            synchronized (this) {
                Iterable<Integer> positions = candidates.of(getIndexes(), query, this::streamAllDocumentsWithPosition);
                return positions == null
                        ? super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector)
                        : matchDocuments(query, positions, orderBy, skip, limit, batchSize, fieldSelector);
            }
        }

        /**
         * Under the collection's lock: mongo-java-server changes a collection's index list without it, while a write
         * that holds it walks the list (a {@code createIndexes} racing an insert failed the insert).
         */
        @Override
        public synchronized void addIndex(Index<Integer> index) {
            super.addIndex(index);
        }

        @Override
        public synchronized void dropIndex(String indexName) {
            super.dropIndex(indexName);
            candidates.cleared();
        }

        @Override
        protected Integer addDocumentInternal(Document document) {
            Integer position = super.addDocumentInternal(document);
            candidates.written(position, null, document);
            return position;
        }

        @Override
        protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
            super.handleUpdate(position, oldDocument, newDocument);
            candidates.written(position, oldDocument, newDocument);
        }

        @Override
        protected void removeDocument(Integer position) {
            Document removed = getDocument(position);
            super.removeDocument(position);
            candidates.removed(position, removed);
        }

        @Override
        public void drop() {
            super.drop();
            candidates.cleared();
        }
    }

    private static final class IndexedH2Backend extends H2Backend {

        /**
         * A collection's documents, as BSON, each under a number that counts up in insertion order (its position).
         * The name starts with the database's, as all its maps do, so dropping the database drops it.
         */
        private static String documentsMap(String fullName) {
            return fullName + "._rows";
        }

        /**
         * The maps earlier versions kept a collection's documents in, keyed by {@code _id}: mongo-java-server's own
         * (Java serialization), then ours (BSON).
         */
        private static List<String> formerDocumentsMaps(String fullName) {
            return List.of("databases." + fullName, fullName + "._documents");
        }

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
                String fullName = getFullCollectionNamespace(collectionName);
                MVMap<Object, Document> data = getMvStore().openMap(documentsMap(fullName), documents());
                copyFormerDocuments(fullName, data);
                // The map name H2Database itself uses, so the collection's metadata written before stays readable.
                MVMap<String, Object> meta = getMvStore().openMap("meta." + fullName);
                return new IndexedH2Collection(this, collectionName, options, data, meta, cursorRegistry);
            }

            /**
             * Moves the documents of a file written before into {@code data}, numbered in the order they are read.
             * The former maps are removed once all are in, so a crash while copying leaves them in place and the
             * next start copies again, from the beginning. The collection's unique indexes, which hold positions, are
             * then in maps of {@link KeyOrderedIndex}'s new name, filled from the documents when they open empty.
             * (H2Database itself leaves an empty {@code databases.} map behind when it renames a collection.)
             */
            private void copyFormerDocuments(String fullName, MVMap<Object, Document> data) {
                List<MVMap<Object, Document>> former = formerDocumentsMaps(fullName).stream()
                        .filter(getMvStore()::hasMap)
                        .map(name -> name.startsWith("databases.")
                                ? getMvStore().<Object, Document>openMap(name)
                                : getMvStore().openMap(name, documents()))
                        .toList();
                if (former.stream().anyMatch(documents -> !documents.isEmpty())) {
                    data.clear();
                    reading(getMvStore(), () -> {
                        long position = 0;
                        for (MVMap<Object, Document> documents : former) {
                            for (Document document : documents.values()) {
                                data.put(++position, document);
                            }
                        }
                        return position;
                    });
                }
                former.forEach(getMvStore()::removeMap);
            }

            @Override
            public void dropCollection(String collectionName, Oplog oplog) {
                super.dropCollection(collectionName, oplog);
                getMvStore().removeMap(documentsMap(getFullCollectionNamespace(collectionName)));
            }

            @Override
            public void moveCollection(
                    MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
                String from = documentsMap(collection.getFullName());
                super.moveCollection(oldDatabase, collection, newCollectionName);
                MVMap<Object, Document> documents = getMvStore().openMap(from, documents());
                getMvStore().renameMap(documents, documentsMap(getFullCollectionNamespace(newCollectionName)));
            }

            @Override
            protected Index<Object> openOrCreateSecondaryIndex(
                    String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
                return secondaryIndex(indexName, keys);
            }

            @Override
            protected Index<Object> openOrCreateUniqueIndex(
                    String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
                return KeyOrderedIndex.open(
                        getMvStore(), getFullCollectionNamespace(collectionName), indexName, keys, sparse);
            }

            @Override
            protected void dropIndex(MongoCollection<Object> collection, String indexName) {
                super.dropIndex(collection, indexName);
                getMvStore()
                        .removeMap(KeyOrderedIndex.mapName(
                                getFullCollectionNamespace(collection.getCollectionName()), indexName));
            }
        }
    }

    /**
     * A collection whose documents are numbered in insertion order rather than keyed by {@code _id}, as
     * mongo-java-server keys them; the unique {@code _id} index finds a document's number. H2 rewrites every page an
     * insert touches, whole, at the next commit (every second): random ids (derived message ids, event ids) put each
     * new document in another page of documents, and the stand-in's CPU grew with its file. Numbered, new documents
     * fill the last page, and documents written soon after they are inserted (outbox events, new tickets) sit in
     * pages written anyway.
     */
    private static final class IndexedH2Collection extends H2Collection {

        private final Candidates<Object> candidates = new Candidates<>();

        private final MVMap<Object, Document> data;

        /** The last document's number; under the collection's lock, as every insert is. */
        private long lastPosition;

        IndexedH2Collection(
                MongoDatabase database,
                String name,
                CollectionOptions options,
                MVMap<Object, Document> data,
                MVMap<String, Object> meta,
                CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
            this.data = data;
            this.lastPosition = data.isEmpty() ? 0 : (Long) data.lastKey();
        }

        @Override
        protected QueryResult queryDocuments(
                Document query, Document orderBy, int skip, int limit, int batchSize, Document fieldSelector) {
            // Under the collection's lock, which every write holds too (count() reaches here without it).
            synchronized (this) {
                return reading(data.getStore(), () -> {
                    Iterable<Object> positions =
                            candidates.of(getIndexes(), query, this::streamAllDocumentsWithPosition);
                    return positions == null
                            ? super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector)
                            : matchDocuments(query, positions, orderBy, skip, limit, batchSize, fieldSelector);
                });
            }
        }

        /**
         * Under the collection's lock, as in the in-memory collection. An index being opened (not one the collection
         * already has, which shares its map) is filled again if a crash cut its filling short.
         */
        @Override
        public synchronized void addIndex(Index<Object> index) {
            if (index instanceof KeyOrderedIndex opened
                    && getIndexes().stream().noneMatch(open -> open.getName().equals(index.getName()))) {
                opened.clearIfIncomplete(count());
            }
            reading(data.getStore(), () -> {
                super.addIndex(index);
                return null;
            });
        }

        @Override
        public synchronized void dropIndex(String indexName) {
            super.dropIndex(indexName);
            candidates.cleared();
        }

        @Override
        protected Object addDocumentInternal(Document document) {
            Long position = ++lastPosition;
            data.put(position, document);
            candidates.written(position, null, document);
            return position;
        }

        @Override
        protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
            super.handleUpdate(position, oldDocument, newDocument);
            candidates.written(position, oldDocument, newDocument);
        }

        @Override
        protected void removeDocument(Object position) {
            Document removed = getDocument(position);
            super.removeDocument(position);
            candidates.removed(position, removed);
        }

        @Override
        public void drop() {
            super.drop();
            candidates.cleared();
        }
    }
}
