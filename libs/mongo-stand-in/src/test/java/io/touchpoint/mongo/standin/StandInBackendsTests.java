package io.touchpoint.mongo.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoNamespace;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the driver sees does not change: queries with an index key and further conditions match exactly as before. */
class StandInBackendsTests {

    @TempDir
    Path directory;

    @Test
    void conditionalUpdatesByIdMatchOnlyWhenEveryConditionHolds() {
        withCollection(StandInBackends::inMemory, this::assertConditionalUpdates);
    }

    @Test
    void theFileBackendMatchesTheSameWayAndKeepsItsDataAcrossRestarts() {
        String file = directory.resolve("stand-in.mv").toString();
        withCollection(() -> StandInBackends.inFile(file), this::assertConditionalUpdates);

        withCollection(() -> StandInBackends.inFile(file), tickets -> {
            assertThat(tickets.find(Filters.and(Filters.eq("_id", "t1"), Filters.eq("version", 2)))
                            .first())
                    .isNotNull();
            tickets.insertOne(
                    new Document("_id", "t3").append("tenantId", "acme").append("key", "k3"));
            assertThat(tickets.countDocuments()).isEqualTo(3);
        });
    }

    @Test
    void documentsWithPendingEventsAreFoundAsTheyChangeOnBothBackends() {
        withCollection(StandInBackends::inMemory, this::assertPendingDocuments);
        withCollection(
                () -> StandInBackends.inFile(directory.resolve("pending.mv").toString()), this::assertPendingDocuments);
    }

    @Test
    void theFileBackendFindsPendingDocumentsAfterARestart() {
        String file = directory.resolve("restart.mv").toString();
        withCollection(() -> StandInBackends.inFile(file), conversations -> {
            conversations.insertOne(new Document("_id", "c1").append("outbox", List.of(new Document("eventId", "e1"))));
            conversations.insertOne(new Document("_id", "c2").append("outbox", List.of()));
            assertThat(pending(conversations)).containsExactly("c1");
        });

        withCollection(() -> StandInBackends.inFile(file), conversations -> {
            assertThat(pending(conversations)).containsExactly("c1");
            conversations.updateOne(Filters.eq("_id", "c2"), Updates.push("outbox", new Document("eventId", "e2")));
            assertThat(pending(conversations)).containsExactlyInAnyOrder("c1", "c2");
        });
    }

    @Test
    void theFileBackendFindsEveryKindOfIdAndRefusesDuplicatesOfEach() {
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            ids.addAll(List.of(
                    "id-" + i,
                    i,
                    (long) i + 1_000_000_000_000L,
                    (double) i + 0.5,
                    new ObjectId(),
                    new Document("channel", "sms").append("n", i)));
        }
        withCollection(() -> StandInBackends.inFile(directory.resolve("ids.mv").toString()), documents -> {
            documents.insertMany(ids.stream().map(id -> new Document("_id", id)).toList());

            for (Object id : ids) {
                assertThat(documents.find(Filters.eq("_id", id)).first())
                        .as("_id %s", id)
                        .isEqualTo(new Document("_id", id));
            }
            assertThat(documents.find(Filters.eq("_id", "id-500")).first()).isNull();
            for (Object id : List.of(
                    "id-7",
                    7,
                    1_000_000_000_007L,
                    ids.get(ids.size() - 2),
                    new Document("channel", "sms").append("n", 7))) {
                assertThatThrownBy(() -> documents.insertOne(new Document("_id", id)))
                        .isInstanceOfSatisfying(MongoWriteException.class, duplicate -> assertThat(duplicate.getCode())
                                .isEqualTo(11000));
            }
            assertThat(documents.countDocuments()).isEqualTo(ids.size());
        });
    }

    @Test
    void aFileWrittenByMongoJavaServersOwnBackendOpensWithItsDocumentsAndIndexes() {
        String file = directory.resolve("former.mv").toString();
        Document ticket = new Document("_id", "t1")
                .append("tenantId", "acme")
                .append("key", "k1")
                .append("tags", List.of("vip", "sms"));
        withCollection(() -> new H2Backend(file), tickets -> {
            tickets.createIndex(Indexes.ascending("tenantId", "key"), new IndexOptions().unique(true));
            tickets.insertOne(ticket);
        });

        withCollection(() -> StandInBackends.inFile(file), tickets -> {
            assertThat(tickets.find(Filters.eq("_id", "t1")).first()).isEqualTo(ticket);
            assertThat(tickets.find(Filters.and(Filters.eq("tenantId", "acme"), Filters.eq("key", "k1")))
                            .first())
                    .isEqualTo(ticket);
            assertThatThrownBy(() -> tickets.insertOne(
                            new Document("_id", "t2").append("tenantId", "acme").append("key", "k1")))
                    .isInstanceOf(MongoWriteException.class);
        });
        withCollection(
                () -> StandInBackends.inFile(file),
                tickets -> assertThat(tickets.find().into(new ArrayList<>())).containsExactly(ticket));

        assertThat(mapNames(file))
                .contains(
                        "stand_in.tickets._rows",
                        "stand_in.tickets._positions__id_",
                        "stand_in.tickets._positions_tenantId_1_key_1")
                .doesNotContain("databases.stand_in.tickets")
                .noneMatch(name -> name.contains("._index_"));
    }

    @Test
    void aFileWhoseDocumentsAreKeyedByIdOpensWithItsDocumentsAndIndexes() {
        String file = directory.resolve("by-id.mv").toString();
        List<Document> tickets = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            tickets.add(new Document("_id", "t" + (i * 7919 % 300))
                    .append("tenantId", "acme")
                    .append("key", "k" + i));
        }
        withCollection(() -> StandInBackends.inFile(file), collection -> {
            collection.createIndex(Indexes.ascending("tenantId", "key"), new IndexOptions().unique(true));
            collection.insertMany(tickets);
        });
        keyDocumentsByIdAsBefore(file);

        withCollection(() -> StandInBackends.inFile(file), collection -> {
            for (Document ticket : tickets) {
                assertThat(collection.find(Filters.eq("_id", ticket.get("_id"))).first())
                        .isEqualTo(ticket);
                assertThat(collection
                                .find(Filters.and(Filters.eq("tenantId", "acme"), Filters.eq("key", ticket.get("key"))))
                                .first())
                        .isEqualTo(ticket);
            }
            assertThatThrownBy(() -> collection.insertOne(
                            new Document("_id", "t1").append("tenantId", "acme").append("key", "new")))
                    .isInstanceOf(MongoWriteException.class);
            collection.insertOne(
                    new Document("_id", "t300").append("tenantId", "acme").append("key", "k300"));
        });
        withCollection(() -> StandInBackends.inFile(file), collection -> {
            assertThat(collection.countDocuments()).isEqualTo(301);
            assertThat(collection.find(Filters.eq("key", "k300")).first()).isNotNull();
        });
        assertThat(mapNames(file)).noneMatch(name -> name.contains("._documents") || name.contains("._keys_"));
    }

    @Test
    void anIndexWhoseFillingWasCutShortIsFilledAgainWhenItOpens() {
        String file = directory.resolve("cut-short.mv").toString();
        withCollection(() -> StandInBackends.inFile(file), collection -> {
            collection.createIndex(Indexes.ascending("tenantId", "key"), new IndexOptions().unique(true));
            for (int i = 0; i < 200; i++) {
                collection.insertOne(
                        new Document("_id", "t" + i).append("tenantId", "acme").append("key", "k" + i));
            }
        });
        MVStore store = MVStore.open(file);
        try {
            for (String name :
                    List.of("stand_in.tickets._positions__id_", "stand_in.tickets._positions_tenantId_1_key_1")) {
                MVMap<KeyValue, Object> positions = store.openMap(name, KeyOrderedIndex.positions());
                List.copyOf(positions.keyList()).subList(0, 150).forEach(positions::remove);
            }
        } finally {
            store.close();
        }

        withCollection(() -> StandInBackends.inFile(file), collection -> {
            for (int i = 0; i < 200; i++) {
                assertThat(collection.find(Filters.eq("_id", "t" + i)).first()).isNotNull();
                assertThat(collection
                                .find(Filters.and(Filters.eq("tenantId", "acme"), Filters.eq("key", "k" + i)))
                                .first())
                        .isNotNull();
            }
            assertThatThrownBy(() -> collection.insertOne(new Document("_id", "t0")))
                    .isInstanceOf(MongoWriteException.class);
        });
    }

    /**
     * Rewrites a file into the layout of the versions before documents were numbered: documents keyed by their
     * {@code _id} in {@code <collection>._documents}, unique indexes mapping keys to {@code _id}s in {@code
     * <collection>._keys_<index>}.
     */
    private static void keyDocumentsByIdAsBefore(String file) {
        MVStore store = MVStore.open(file);
        try {
            for (String name : Set.copyOf(store.getMapNames())) {
                if (name.endsWith("._rows")) {
                    MVMap<Object, de.bwaldvogel.mongo.bson.Document> rows =
                            store.openMap(name, StandInBackends.documents());
                    MVMap<Object, de.bwaldvogel.mongo.bson.Document> byId =
                            store.openMap(name.replace("._rows", "._documents"), StandInBackends.documents());
                    // The namespaces and indexes collections have no _id: any key unique in the map does then.
                    rows.values()
                            .forEach(document -> byId.put(
                                    Objects.requireNonNullElseGet(document.get("_id"), UUID::randomUUID), document));
                    store.removeMap(rows);
                } else if (name.contains("._positions_")) {
                    MVMap<KeyValue, Object> positions = store.openMap(name, KeyOrderedIndex.positions());
                    MVMap<KeyValue, Object> ids =
                            store.openMap(name.replace("._positions_", "._keys_"), KeyOrderedIndex.positions());
                    // Not the documents' ids: an index the new version kept would find nothing.
                    positions.forEach((key, position) -> ids.put(key, "former-" + position));
                    store.removeMap(positions);
                }
            }
        } finally {
            store.close();
        }
    }

    @Test
    void theFileBackendReadsBackEveryKindOfValueAfterARestart() {
        String file = directory.resolve("values.mv").toString();
        Document document = new Document("_id", "d1")
                .append("int", 42)
                .append("long", 1L << 40)
                .append("double", 2.5)
                .append("decimal", new Decimal128(new BigDecimal("12.345")))
                .append("bool", true)
                .append("null", null)
                .append("date", new Date(1_790_000_000_123L))
                .append("objectId", new ObjectId())
                .append("binary", new Binary(new byte[] {1, 2, 3}))
                .append("list", List.of(1, "two", new Document("three", 3)))
                .append("nested", new Document("a", new Document("b", List.of())));
        withCollection(() -> StandInBackends.inFile(file), values -> values.insertOne(document));

        withCollection(
                () -> StandInBackends.inFile(file),
                values -> assertThat(values.find().first()).isEqualTo(document));
    }

    @Test
    void aDroppedCollectionComesBackEmptyAndARenamedOneKeepsItsDocuments() {
        String file = directory.resolve("drop.mv").toString();
        withCollection(() -> StandInBackends.inFile(file), tickets -> {
            tickets.insertOne(new Document("_id", "t1"));
            tickets.drop();
            tickets.insertOne(new Document("_id", "t2"));
            assertThat(tickets.find().into(new ArrayList<>())).containsExactly(new Document("_id", "t2"));

            tickets.renameCollection(new MongoNamespace("stand_in", "archived"));
        });

        withCollection(() -> StandInBackends.inFile(file), tickets -> {
            assertThat(tickets.countDocuments()).isZero();
            assertThat(tickets.getNamespace().getDatabaseName()).isEqualTo("stand_in");
        });
        MongoServer server = new MongoServer(StandInBackends.inFile(file));
        try {
            InetSocketAddress address = server.bind();
            try (MongoClient client =
                    MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
                assertThat(client.getDatabase("stand_in")
                                .getCollection("archived")
                                .find()
                                .into(new ArrayList<>()))
                        .containsExactly(new Document("_id", "t2"));
            }
        } finally {
            server.shutdownNow();
        }
    }

    private static Set<String> mapNames(String file) {
        MVStore store = MVStore.open(file);
        try {
            return Set.copyOf(store.getMapNames());
        } finally {
            store.close();
        }
    }

    @Test
    void queriesOnTheLeadingKeysOfANonUniqueIndexAnswerAsAScanDoesOnBothBackends() {
        withDatabase(StandInBackends::inMemory, this::assertSameAnswersAsAScan);
        withDatabase(
                () -> StandInBackends.inFile(directory.resolve("secondary.mv").toString()),
                this::assertSameAnswersAsAScan);
    }

    @Test
    void indexesCreatedWhileOtherClientsWriteLeaveEveryWriteInPlaceOnBothBackends() {
        // An app declares its indexes at start while another replica (or its own outbox relay) already writes.
        withDatabase(StandInBackends::inMemory, this::assertIndexesCreatedDuringWrites);
        withDatabase(
                () -> StandInBackends.inFile(directory.resolve("indexes.mv").toString()),
                this::assertIndexesCreatedDuringWrites);
    }

    private void assertPendingDocuments(MongoCollection<Document> conversations) {
        conversations.insertMany(List.of(
                new Document("_id", "c1").append("outbox", List.of(new Document("eventId", "e1"))),
                new Document("_id", "c2").append("outbox", List.of()),
                new Document("_id", "c3")));
        assertThat(pending(conversations)).containsExactly("c1");

        conversations.updateOne(Filters.eq("_id", "c2"), Updates.push("outbox", new Document("eventId", "e2")));
        conversations.updateOne(Filters.eq("_id", "c1"), Updates.pull("outbox", new Document("eventId", "e1")));
        conversations.replaceOne(
                Filters.eq("_id", "c3"),
                new Document("_id", "c3").append("outbox", List.of(new Document("eventId", "e3"))));
        conversations.insertOne(new Document("_id", "c4").append("outbox", List.of(new Document("eventId", "e4"))));
        conversations.deleteOne(Filters.eq("_id", "c4"));
        assertThat(pending(conversations)).containsExactlyInAnyOrder("c2", "c3");

        assertThat(conversations
                        .find(Filters.and(Filters.exists("outbox.0"), Filters.eq("outbox.0.eventId", "e3")))
                        .map(document -> document.getString("_id")))
                .as("the rest of the query still applies")
                .containsExactly("c3");
    }

    private void assertSameAnswersAsAScan(MongoDatabase database) {
        MongoCollection<Document> indexed = database.getCollection("indexed");
        MongoCollection<Document> scanned = database.getCollection("scanned");
        indexed.createIndex(Indexes.ascending("tenantId", "status", "_id"));
        indexed.createIndex(Indexes.ascending("tenantId", "tags"));
        indexed.createIndex(Indexes.ascending("tenantId", "requester.handle"));
        Random random = new Random(42);
        List<String> tenants = List.of("acme", "globex", "initech");
        List<String> statuses = List.of("new", "open", "pending", "resolved");
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 200; i++) {
                String id = "t" + random.nextInt(400);
                Document ticket = new Document("_id", id)
                        .append("tenantId", random.nextInt(20) == 0 ? 7 : tenants.get(random.nextInt(3)))
                        .append("status", statuses.get(random.nextInt(4)))
                        .append("tags", random.nextBoolean() ? List.of("vip", "billing") : List.of("billing"))
                        .append(
                                "requester",
                                random.nextInt(5) == 0
                                        ? List.of(new Document("handle", "+" + random.nextInt(5)))
                                        : new Document("handle", "+" + random.nextInt(5)))
                        .append("updatedAt", random.nextInt(1000));
                for (MongoCollection<Document> collection : List.of(indexed, scanned)) {
                    collection.replaceOne(Filters.eq("_id", id), ticket, new ReplaceOptions().upsert(true));
                }
            }
            for (MongoCollection<Document> collection : List.of(indexed, scanned)) {
                collection.deleteMany(Filters.and(Filters.eq("tenantId", "globex"), Filters.eq("status", "new")));
                collection.updateMany(
                        Filters.and(Filters.eq("tenantId", "acme"), Filters.eq("status", "pending")),
                        Updates.set("status", "open"));
            }
            // Fields side by side, as Spring's Criteria renders them (Filters.and renders an explicit $and).
            for (Document query : List.of(
                    new Document("tenantId", "acme"),
                    new Document("tenantId", "initech").append("status", "open"),
                    new Document("tenantId", "acme").append("status", new Document("$in", List.of("new", "open"))),
                    new Document("tenantId", new Document("$in", List.of("acme", "globex"))).append("tags", "vip"),
                    new Document("tenantId", "globex").append("requester.handle", "+3"),
                    new Document("tenantId", "acme").append("updatedAt", new Document("$gt", 500)))) {
                assertThat(ids(indexed, query)).as(query.toString()).isEqualTo(ids(scanned, query));
            }
        }
    }

    private static List<String> ids(MongoCollection<Document> collection, Document query) {
        return collection
                .find(query)
                .sort(Sorts.descending("updatedAt", "_id"))
                .map(document -> document.getString("_id"))
                .into(new ArrayList<>());
    }

    private void assertIndexesCreatedDuringWrites(MongoDatabase database) {
        int writers = 4;
        int documentsEach = 300;
        for (int round = 0; round < 20; round++) {
            MongoCollection<Document> collection = database.getCollection("fresh_" + round);
            int collectionRound = round;
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                List<Future<?>> writes = new ArrayList<>();
                for (int writer = 0; writer < writers; writer++) {
                    int writerNumber = writer;
                    writes.add(pool.submit(() -> {
                        for (int i = 0; i < documentsEach; i++) {
                            collection.insertOne(new Document("_id", writerNumber + "-" + i)
                                    .append("key", collectionRound + "-" + writerNumber + "-" + i)
                                    .append("at", i));
                        }
                    }));
                }
                for (int index = 0; index < 8; index++) {
                    collection.createIndex(Indexes.ascending("at", "n" + index));
                }
                collection.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
                for (Future<?> write : writes) {
                    assertThatCode(write::get).doesNotThrowAnyException();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(collection.countDocuments()).isEqualTo((long) writers * documentsEach);
            assertThat(collection
                            .find(Filters.eq("key", collectionRound + "-3-299"))
                            .first())
                    .isNotNull();
        }
    }

    private static List<String> pending(MongoCollection<Document> conversations) {
        return conversations
                .find(Filters.exists("outbox.0"))
                .map(document -> document.getString("_id"))
                .into(new ArrayList<>());
    }

    private void assertConditionalUpdates(MongoCollection<Document> tickets) {
        tickets.createIndex(Indexes.ascending("tenantId", "key"), new IndexOptions().unique(true));
        tickets.insertMany(List.of(
                new Document("_id", "t1")
                        .append("tenantId", "acme")
                        .append("key", "k1")
                        .append("version", 1),
                new Document("_id", "t2")
                        .append("tenantId", "acme")
                        .append("key", "k2")
                        .append("version", 1)));

        assertThat(tickets.updateOne(
                                Filters.and(Filters.eq("_id", "t1"), Filters.eq("version", 0)),
                                Updates.inc("version", 1))
                        .getMatchedCount())
                .isZero();
        assertThat(tickets.updateOne(
                                Filters.and(Filters.eq("_id", "t1"), Filters.eq("version", 1)),
                                Updates.inc("version", 1))
                        .getMatchedCount())
                .isOne();
        assertThat(tickets.find(Filters.and(Filters.in("_id", "t1", "t2", "t9"), Filters.eq("version", 1)))
                        .map(document -> document.getString("_id")))
                .containsExactly("t2");
        assertThat(tickets.find(Filters.and(
                                Filters.eq("tenantId", "acme"), Filters.eq("key", "k2"), Filters.eq("version", 2)))
                        .first())
                .isNull();
        assertThat(tickets.find(Filters.and(Filters.eq("tenantId", "acme"), Filters.eq("key", "k1")))
                        .first()
                        .getInteger("version"))
                .isEqualTo(2);
    }

    private static void withCollection(Supplier<MongoBackend> backend, Consumer<MongoCollection<Document>> test) {
        withDatabase(backend, database -> test.accept(database.getCollection("tickets")));
    }

    private static void withDatabase(Supplier<MongoBackend> backend, Consumer<MongoDatabase> test) {
        MongoServer server = new MongoServer(backend.get());
        try {
            InetSocketAddress address = server.bind();
            try (MongoClient client =
                    MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
                test.accept(client.getDatabase("stand_in"));
            }
        } finally {
            server.shutdownNow();
        }
    }
}
