package io.touchpoint.bench;

import de.bwaldvogel.mongo.MongoServer;
import io.touchpoint.mongo.standin.StandInBackends;
import java.util.concurrent.CountDownLatch;

/**
 * Serves the MongoDB stand-in with its in-memory backend until stopped, so a run can be measured without the H2 file
 * store the launcher uses by default: {@code MONGODB_URI=mongodb://127.0.0.1:27019 deploy/local/touchpoint up}.
 * It tells how much of a figure is the stand-in's storage (serializing every document into an MVStore) rather than
 * Touchpoint; it keeps nothing.
 */
final class MemoryStandIn implements Bench.Scenario {

    @Override
    public String description() {
        return "not a measurement: serves an in-memory MongoDB stand-in for MONGODB_URI until stopped (--port=27019)";
    }

    @Override
    public void run(Options options) throws InterruptedException {
        int port = options.getInt("port", 27019);
        MongoServer server = new MongoServer(StandInBackends.inMemory());
        server.bind("127.0.0.1", port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        System.out.printf("in-memory MongoDB stand-in on mongodb://127.0.0.1:%d (Ctrl-C stops it)%n", port);
        new CountDownLatch(1).await();
    }
}
