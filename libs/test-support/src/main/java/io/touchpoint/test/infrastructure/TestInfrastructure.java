package io.touchpoint.test.infrastructure;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.lang.reflect.Modifier;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * The RabbitMQ broker and MongoDB server of this test JVM, each resolved once (ARCHITECTURE.md "Testing against real
 * parts"), and the virtual hosts and databases that keep test classes apart on them.
 *
 * <p>RabbitMQ: {@code RABBITMQ_HOST}/{@code RABBITMQ_PORT} → a broker on 127.0.0.1:5672 → a Testcontainers container →
 * an embedded Qpid broker, which {@code TOUCHPOINT_REQUIRE_RABBITMQ=true} refuses. MongoDB: {@code MONGODB_URI} → a
 * Testcontainers container → an in-process mongo-java-server.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

    private static final Lazy<Boolean> docker = new Lazy<>(TestInfrastructure::checkDocker);

    private static final Lazy<RabbitResolver.Resolution> rabbit = new Lazy<>(() -> {
        RabbitResolver.Resolution resolution = new RabbitResolver(
                        System::getenv, new InetSocketAddress("127.0.0.1", 5672), TestInfrastructure::dockerAvailable)
                .resolve();
        log.info("Tests in this JVM use {}", resolution.endpoint());
        Cleanup.INSTANCE.stopOnExit(resolution.stop());
        return resolution;
    });

    private static final Lazy<MongoResolver.Resolution> mongo = new Lazy<>(() -> {
        MongoResolver.Resolution resolution =
                new MongoResolver(System::getenv, TestInfrastructure::dockerAvailable).resolve();
        log.info("Tests in this JVM use {}", resolution.endpoint());
        Cleanup.INSTANCE.stopOnExit(resolution.stop());
        return resolution;
    });

    private static final Map<Class<?>, TestVirtualHost> virtualHosts = new ConcurrentHashMap<>();

    private static final Map<Class<?>, TestDatabase> databases = new ConcurrentHashMap<>();

    private TestInfrastructure() {}

    /** The broker of this JVM, resolved on first use. */
    public static RabbitEndpoint rabbit() {
        return rabbit.get().endpoint();
    }

    /** The MongoDB server of this JVM, resolved on first use. */
    public static MongoEndpoint mongo() {
        return mongo.get().endpoint();
    }

    /**
     * Creates a virtual host named after {@code hint} on the broker, with full permissions for the broker user, and
     * deletes it when the JVM exits. When the broker does not let this JVM create one, answers the default virtual
     * host with a warning: tests then share it and must use unique exchange and queue names.
     */
    public static String newVirtualHost(String hint) {
        RabbitResolver.Resolution resolution = rabbit.get();
        String name = uniqueName(hint);
        try {
            resolution.virtualHosts().create(name);
        } catch (Exception e) {
            log.warn(
                    "Could not create virtual host {} on {} ({}); using the shared default virtual host '{}'."
                            + " Enable the management API (rabbitmq-plugins enable rabbitmq_management)"
                            + " to keep test classes apart.",
                    name,
                    resolution.endpoint(),
                    e.getMessage(),
                    resolution.defaultVirtualHost());
            return resolution.defaultVirtualHost();
        }
        Cleanup.INSTANCE.deleteOnExit(resolution.virtualHosts(), name);
        return name;
    }

    /**
     * A database name no other test uses, made from {@code hint}. MongoDB creates it on first write; it is dropped when
     * the JVM exits if the server outlives the JVM.
     */
    public static String newDatabaseName(String hint) {
        String name = uniqueName(hint);
        MongoEndpoint endpoint = mongo();
        if (endpoint.kind() == MongoEndpoint.Kind.ENVIRONMENT) {
            Cleanup.INSTANCE.dropOnExit(endpoint, name);
        }
        return name;
    }

    /** The virtual host of {@code testClass} (of its outermost class for {@code @Nested} ones), created once. */
    public static TestVirtualHost virtualHostFor(Class<?> testClass) {
        return virtualHosts.computeIfAbsent(
                owningTestClass(testClass),
                owner -> new TestVirtualHost(newVirtualHost(owner.getSimpleName()), rabbit()));
    }

    /** The database of {@code testClass} (of its outermost class for {@code @Nested} ones). */
    public static TestDatabase databaseFor(Class<?> testClass) {
        return databases.computeIfAbsent(
                owningTestClass(testClass), owner -> new TestDatabase(newDatabaseName(owner.getSimpleName()), mongo()));
    }

    /** Whether Docker is available; asked once per JVM because asking costs about half a second. */
    static boolean dockerAvailable() {
        return docker.get();
    }

    /** {@code @Nested} classes are inner classes and share the resources of the class they are written in. */
    static Class<?> owningTestClass(Class<?> testClass) {
        Class<?> owner = testClass;
        while (owner.getEnclosingClass() != null && !Modifier.isStatic(owner.getModifiers())) {
            owner = owner.getEnclosingClass();
        }
        return owner;
    }

    /** {@code t_<hint>_<random>}: valid as a virtual host and as a MongoDB database name (under 64 bytes). */
    static String uniqueName(String hint) {
        String cleaned =
                hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (cleaned.length() > 40) {
            cleaned = cleaned.substring(0, 40);
        }
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return "t_" + (cleaned.isEmpty() ? "" : cleaned + "_") + HexFormat.of().formatHex(random);
    }

    private static boolean checkDocker() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** A value computed on first use; a failure is kept too, so every test class fails fast with the same reason. */
    private static final class Lazy<T> {

        private final Supplier<T> supplier;
        private T value;
        private RuntimeException failure;

        Lazy(Supplier<T> supplier) {
            this.supplier = supplier;
        }

        synchronized T get() {
            if (value == null && failure == null) {
                try {
                    value = supplier.get();
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw new IllegalStateException(failure.getMessage(), failure);
            }
            return value;
        }
    }

    /** Best-effort removal, at JVM exit, of what this JVM created on servers that outlive it. */
    private enum Cleanup {
        INSTANCE;

        private final List<Action> actions = new CopyOnWriteArrayList<>();

        Cleanup() {
            Runtime.getRuntime().addShutdownHook(new Thread(this::run, "touchpoint-test-infrastructure-cleanup"));
        }

        void deleteOnExit(VirtualHosts virtualHosts, String name) {
            actions.add(0, () -> virtualHosts.delete(name));
        }

        void dropOnExit(MongoEndpoint endpoint, String database) {
            actions.add(0, () -> {
                try (MongoClient client = MongoClients.create(endpoint.uri(database))) {
                    client.getDatabase(database).drop();
                }
            });
        }

        void stopOnExit(Runnable stop) {
            actions.add(stop::run);
        }

        private void run() {
            for (Action action : actions) {
                try {
                    action.run();
                } catch (Exception e) {
                    // Best effort: the JVM is going away, and a leftover virtual host or database is harmless.
                }
            }
        }
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }
}
