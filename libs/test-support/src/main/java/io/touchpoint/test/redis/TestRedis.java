package io.touchpoint.test.redis;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * The Redis integration tests talk to, resolved once per test JVM: {@code REDIS_URL} if set; else a Redis answering
 * on 127.0.0.1:6379; else a Testcontainers {@code redis:7} container if Docker is available; else the test fails
 * saying how to start one. Never skipped: a skipped test proves nothing. Tests sharing one Redis keep apart by
 * prefixing their keys with {@link #keyPrefix(Class)}.
 */
public final class TestRedis {

    private static final Logger log = LoggerFactory.getLogger(TestRedis.class);

    private static final String LOCAL_HOST = "127.0.0.1";
    private static final int LOCAL_PORT = 6379;

    private static volatile String url;

    private TestRedis() {}

    /** A {@code redis://host:port} URL, for {@code spring.data.redis.url}. */
    public static String url() {
        String resolved = url;
        if (resolved == null) {
            synchronized (TestRedis.class) {
                resolved = url;
                if (resolved == null) {
                    resolved = resolve();
                    url = resolved;
                }
            }
        }
        return resolved;
    }

    /** A key prefix no other test class or run uses: {@code t:<class>:<random>:}. */
    public static String keyPrefix(Class<?> testClass) {
        return "t:" + testClass.getSimpleName().toLowerCase(Locale.ROOT) + ":"
                + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    private static String resolve() {
        String fromEnvironment = System.getenv("REDIS_URL");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            log.info("Tests use Redis at REDIS_URL={}", fromEnvironment);
            return fromEnvironment;
        }
        if (answers(LOCAL_HOST, LOCAL_PORT)) {
            log.info("Tests use the Redis answering on {}:{}", LOCAL_HOST, LOCAL_PORT);
            return "redis://" + LOCAL_HOST + ":" + LOCAL_PORT;
        }
        if (dockerAvailable()) {
            GenericContainer<?> container = new GenericContainer<>("redis:7").withExposedPorts(LOCAL_PORT);
            container.start();
            String started = "redis://" + container.getHost() + ":" + container.getMappedPort(LOCAL_PORT);
            log.info("Tests use a Testcontainers redis:7 at {}", started);
            return started;
        }
        throw new IllegalStateException("No Redis for the integration tests: set REDIS_URL, or start one on "
                + LOCAL_HOST + ":" + LOCAL_PORT + " (redis-server --daemonize yes --bind 127.0.0.1 --port 6379"
                + " --save \"\" --appendonly no; apt-get install -y redis-server if it is missing), or make Docker"
                + " available for a Testcontainers redis:7");
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
