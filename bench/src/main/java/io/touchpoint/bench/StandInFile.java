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
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.bson.Document;

/**
 * What the launcher's MongoDB stand-in costs per operation, next to mongo-java-server's own H2 backend and the
 * in-memory one, on one workload in one JVM: for each of N ticket-like documents, an insert, a find by id, an update
 * by id and a find by a unique compound key (the kinds of commands ticket threading sends). CPU is this process's,
 * so it includes the driver's share; the in-memory row is the floor that share and the wire protocol set. With {@code
 * --preload=N} each backend first gets N documents with random ids (as derived message ids and event ids are),
 * unmeasured: a store whose writes land all over a big collection costs more per command than a small one.
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
        int preload = options.getInt("preload", 0);
        Path directory = Files.createTempDirectory("stand-in-file");
        System.out.printf(
                "stand-in-file: %d documents; per document an insert, a find by id, an update by id and a find by a"
                        + " unique key; %d rounds; %d documents with random ids loaded first%n%n",
                documents, rounds, preload);
        System.out.printf(
                "%-34s %10s %14s %10s %12s%n", "backend", "cpu ms", "cpu µs/command", "file KB", "KB written");
        for (int round = 1; round <= rounds; round++) {
            System.out.println(
                    round == 1 ? "round 1 (the JIT still compiling: quote the last round)" : "round " + round);
            Path memory = directory.resolve("unused-" + round);
            measure("memory (no file)", ignored -> StandInBackends.inMemory(), memory, documents, preload);
            measure(
                    "mongo-java-server H2Backend",
                    H2Backend::new,
                    directory.resolve("own-" + round + ".mv"),
                    documents,
                    preload);
            measure(
                    "Touchpoint stand-in (launcher)",
                    StandInBackends::inFile,
                    directory.resolve("stand-in-" + round + ".mv"),
                    documents,
                    preload);
        }
    }

    private static void measure(
            String name, Function<String, MongoBackend> backend, Path file, int documents, int preload) {
        MongoBackend store = backend.apply(file.toString());
        MongoServer server = new MongoServer(store);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try {
            InetSocketAddress address = server.bind();
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
                MongoCollection<Document> tickets = client.getDatabase("bench").getCollection("tickets");
                tickets.createIndex(Indexes.ascending("tenantId", "key"), new IndexOptions().unique(true));
                preload(tickets, preload);
                long writtenBefore = bytesWritten(store);
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
                if (store instanceof H2Backend h2) {
                    h2.getMvStore().commit(); // what the loop left for the next second's commit is its cost too
                }
                double cpuMillis = (os.getProcessCpuTime() - cpuBefore) / 1e6;
                System.out.printf(
                        "%-34s %10.0f %14.1f %10s %12s%n",
                        name,
                        cpuMillis,
                        cpuMillis * 1000 / (documents * 4.0),
                        Files.exists(file) ? Files.size(file) / 1024 : "-",
                        store instanceof H2Backend ? (bytesWritten(store) - writtenBefore) / 1024 : "-");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            server.shutdownNow();
        }
    }

    /** What an H2 store has written to its file so far, in bytes; 0 for other backends. */
    private static long bytesWritten(MongoBackend store) {
        if (!(store instanceof H2Backend h2)) {
            return 0;
        }
        Map<String, String> info = new HashMap<>();
        h2.getMvStore().populateInfo(info::put);
        return Long.parseLong(info.getOrDefault("info.FILE_WRITE_BYTES", "0"));
    }

    /** {@code count} tickets with random ids and keys of their own, inserted a thousand at a time. */
    private static void preload(MongoCollection<Document> tickets, int count) {
        Random random = new Random(42);
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "tkt_" + new BigInteger(128, random).toString(16);
            batch.add(ticket(id, -1 - i));
            if (batch.size() == 1000 || i == count - 1) {
                tickets.insertMany(batch);
                batch.clear();
            }
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
