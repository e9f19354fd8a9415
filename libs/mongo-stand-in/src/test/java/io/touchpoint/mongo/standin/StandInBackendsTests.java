package io.touchpoint.mongo.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.bson.Document;
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

    private static void withCollection(
            Supplier<MongoBackend> backend, java.util.function.Consumer<MongoCollection<Document>> test) {
        MongoServer server = new MongoServer(backend.get());
        try {
            InetSocketAddress address = server.bind();
            try (MongoClient client =
                    MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
                test.accept(client.getDatabase("stand_in").getCollection("tickets"));
            }
        } finally {
            server.shutdownNow();
        }
    }
}
