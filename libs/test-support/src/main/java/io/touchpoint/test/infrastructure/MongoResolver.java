package io.touchpoint.test.infrastructure;

import de.bwaldvogel.mongo.MongoServer;
import io.touchpoint.mongo.standin.StandInBackends;
import io.touchpoint.test.infrastructure.MongoEndpoint.Kind;
import java.net.InetSocketAddress;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.testcontainers.mongodb.MongoDBContainer;

/** Finds the MongoDB server for this JVM in the order ARCHITECTURE.md gives. */
final class MongoResolver {

    private static final String IMAGE = "mongo:8";

    private final Function<String, String> environment;
    private final BooleanSupplier dockerAvailable;

    MongoResolver(Function<String, String> environment, BooleanSupplier dockerAvailable) {
        this.environment = environment;
        this.dockerAvailable = dockerAvailable;
    }

    /** The server, and how to stop it if this JVM started it. */
    record Resolution(MongoEndpoint endpoint, Runnable stop) {}

    Resolution resolve() {
        String uri = environment.apply("MONGODB_URI");
        if (uri != null && !uri.isBlank()) {
            return new Resolution(new MongoEndpoint(uri, Kind.ENVIRONMENT), () -> {});
        }
        if (dockerAvailable.getAsBoolean()) {
            return container();
        }
        return embedded();
    }

    @SuppressWarnings("resource") // stopped by the returned Resolution; Ryuk reaps it if the JVM dies first
    private static Resolution container() {
        MongoDBContainer container = new MongoDBContainer(IMAGE);
        container.start();
        return new Resolution(new MongoEndpoint(container.getConnectionString(), Kind.CONTAINER), container::stop);
    }

    static Resolution embedded() {
        MongoServer server = new MongoServer(StandInBackends.inMemory());
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        InetSocketAddress address = server.getLocalAddress();
        String uri = "mongodb://" + address.getHostString() + ":" + address.getPort();
        return new Resolution(new MongoEndpoint(uri, Kind.EMBEDDED), server::shutdownNow);
    }
}
