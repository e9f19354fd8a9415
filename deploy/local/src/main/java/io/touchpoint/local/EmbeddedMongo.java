package io.touchpoint.local;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.touchpoint.mongo.standin.StandInBackends;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server (mongo-java-server) in the launcher's JVM, keeping its data in an H2 file so a restart
 * keeps it. It is a stand-in, not MongoDB: shared/STACK.md lists what it does not do.
 */
final class EmbeddedMongo implements AutoCloseable {

    private final H2Backend backend;

    private final MongoServer server;

    private final int port;

    private EmbeddedMongo(H2Backend backend, MongoServer server, int port) {
        this.backend = backend;
        this.server = server;
        this.port = port;
    }

    static EmbeddedMongo start(Path dataFile, int port) {
        try {
            Files.createDirectories(dataFile.toAbsolutePath().getParent());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        H2Backend backend;
        try {
            backend = StandInBackends.inFile(dataFile.toString());
        } catch (RuntimeException ex) {
            throw new LauncherException(
                    "Cannot open the MongoDB stand-in's data file " + dataFile + " (is another launcher using it?)",
                    ex);
        }
        MongoServer server = new MongoServer(backend);
        try {
            server.bind("127.0.0.1", port);
        } catch (RuntimeException ex) {
            backend.close();
            throw new LauncherException("Cannot listen on 127.0.0.1:" + port + " for the MongoDB stand-in", ex);
        }
        return new EmbeddedMongo(backend, server, port);
    }

    String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    /** Stops listening, then closes the H2 store, which writes everything still in memory to the file. */
    @Override
    public void close() {
        try {
            server.shutdown();
        } finally {
            backend.close();
        }
    }
}
