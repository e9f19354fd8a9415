package io.touchpoint.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import com.sun.management.OperatingSystemMXBean;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.touchpoint.mongo.standin.StandInBackends;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;

/**
 * What the launcher's MongoDB stand-in costs per operation, next to mongo-java-server's own H2 backend and the
 * in-memory one, on one workload in one JVM: for each of N ticket-like documents, an insert, a find by id, an update
 * by id and a find by a unique compound key (the kinds of commands ticket threading sends). CPU is this process's,
 * so it includes the driver's share; the in-memory row is the floor that share and the wire protocol set.
 */
final class StandInFile implements Bench.Scenario {

    @Override
    public String description() {
        return "CPU per operation and file size of the H2 file stand-in vs mongo-java-server's own (--documents=15000)";
    }

    @Override
    public void run(Options options) throws IOException {
        int documents = options.getInt("documents", 15000);
        int rounds = options.getInt("rounds", 2);
        Path directory = Files.createTempDirectory("stand-in-file");
        System.out.printf(
                "stand-in-file: %d documents; per document an insert, a find by id, an update by id and a find by a"
                        + " unique key; %d rounds%n%n",
                documents, rounds);
        System.out.printf("%-34s %10s %14s %10s%n", "backend", "cpu ms", "cpu µs/command", "file KB");
        for (int round = 1; round <= rounds; round++) {
            System.out.println(
                    round == 1 ? "round 1 (the JIT still compiling: quote the last round)" : "round " + round);
            Path memory = directory.resolve("unused-" + round);
            measure("memory (no file)", ignored -> StandInBackends.inMemory(), memory, documents);
            measure(
                    "mongo-java-server H2Backend",
                    H2Backend::new,
                    directory.resolve("own-" + round + ".mv"),
                    documents);
            measure(
                    "Touchpoint stand-in (launcher)",
                    StandInBackends::inFile,
                    directory.resolve("stand-in-" + round + ".mv"),
                    documents);
        }
    }

    private static void measure(String name, Function<String, MongoBackend> backend, Path file, int documents) {
        MongoServer server = new MongoServer(backend.apply(file.toString()));
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try {
            InetSocketAddress address = server.bind();
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
                MongoCollection<Document> tickets = client.getDatabase("bench").getCollection("tickets");
                tickets.createIndex(Indexes.ascending("tenantId", "key"), new IndexOptions().unique(true));
                long cpuBefore = os.getProcessCpuTime();
                for (int i = 0; i < documents; i++) {
                    String id = "tkt_" + Integer.toHexString(i * 7919) + "_5f3a9c1e2b7d";
                    tickets.insertOne(ticket(id, i));
                    tickets.find(new Document("_id", id)).first();
                    tickets.updateOne(
                            new Document("_id", id),
                            Updates.combine(Updates.set("status", "pending"), Updates.inc("version", 1)));
                    tickets.find(new Document("tenantId", "acme").append("key", "k" + i / 2))
                            .first();
                }
                double cpuMillis = (os.getProcessCpuTime() - cpuBefore) / 1e6;
                System.out.printf(
                        "%-34s %10.0f %14.1f %10s%n",
                        name,
                        cpuMillis,
                        cpuMillis * 1000 / (documents * 4.0),
                        Files.exists(file) ? Files.size(file) / 1024 : "-");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            server.shutdownNow();
        }
    }

    private static Document ticket(String id, int i) {
        List<Document> messages = List.of(
                message("Hello, my order " + i + " has not arrived yet."),
                message("It was due on Monday; can someone look into it?"),
                message("Thanks, order " + i + " again."));
        return new Document("_id", id)
                .append("tenantId", "acme")
                .append("key", "k" + i)
                .append("version", 1)
                .append("status", "open")
                .append("priority", "normal")
                .append("requester", new Document("channel", "sms").append("handle", "+1555000" + i))
                .append("tags", List.of("sms", "order"))
                .append("messages", messages);
    }

    private static Document message(String text) {
        return new Document("from", "customer").append("text", text).append("at", Instant.now());
    }
}
