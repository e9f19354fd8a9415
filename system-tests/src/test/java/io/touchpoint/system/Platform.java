package io.touchpoint.system;

import io.touchpoint.test.infrastructure.MongoEndpoint;
import io.touchpoint.test.infrastructure.RabbitEndpoint;
import io.touchpoint.test.infrastructure.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * The gateway and the services, started once per test JVM from their executable jars as separate processes, on the
 * test infrastructure (their own virtual host and databases), with the keys they share. Logs go to
 * {@code target/platform-logs/<app>.log}.
 */
final class Platform {

    static final String TENANT_CONTEXT_KEY = "system-tests-tenant-context-key-0123456789abcdef";

    static final String ADMIN_KEY = "tp_admin_system_tests_0123456789abcdef";

    private static final Duration STARTUP = Duration.ofSeconds(150);

    private static Platform started;

    private final Map<String, App> apps = new LinkedHashMap<>();

    private Platform() {}

    /** The running platform, started on first use and stopped when the JVM exits. */
    static synchronized Platform get() {
        if (started == null) {
            Platform platform = new Platform();
            Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "platform-stop"));
            platform.start();
            started = platform;
        }
        return started;
    }

    String gatewayUrl() {
        return apps.get("gateway").baseUrl();
    }

    String serviceUrl(String name) {
        return apps.get(name).baseUrl();
    }

    private void start() {
        RabbitEndpoint rabbit = TestInfrastructure.rabbit();
        MongoEndpoint mongo = TestInfrastructure.mongo();
        String vhost = TestInfrastructure.newVirtualHost("system-tests");
        Map<String, String> common = new HashMap<>();
        common.put("MONGODB_URI", mongo.connectionString());
        common.put("RABBITMQ_HOST", rabbit.host());
        common.put("RABBITMQ_PORT", Integer.toString(rabbit.port()));
        common.put("RABBITMQ_USERNAME", rabbit.username());
        common.put("RABBITMQ_PASSWORD", rabbit.password());
        common.put("RABBITMQ_VHOST", vhost);
        common.put("TOUCHPOINT_TENANT_CONTEXT_KEY", TENANT_CONTEXT_KEY);

        Map<String, String> channel = new HashMap<>(common);
        channel.put("MONGODB_DATABASE", TestInfrastructure.newDatabaseName("system_channel"));
        channel.put("TOUCHPOINT_CHANNEL_SECRETS_KEY", "system-tests-channel-secrets-key-0123456789");
        channel.put("TOUCHPOINT_CHANNEL_EMAIL_PORT", Integer.toString(freePort()));
        App channelService = launch("channel-service", channel);

        Map<String, String> ticket = new HashMap<>(common);
        ticket.put("MONGODB_DATABASE", TestInfrastructure.newDatabaseName("system_ticket"));
        App ticketService = launch("ticket-service", ticket);

        Map<String, String> gateway = new HashMap<>(common);
        gateway.put("MONGODB_DATABASE", TestInfrastructure.newDatabaseName("system_gateway"));
        gateway.put("TOUCHPOINT_ADMIN_API_KEY", ADMIN_KEY);
        gateway.put("MANAGEMENT_PORT", Integer.toString(freePort()));
        gateway.put("CHANNEL_SERVICE_URI", channelService.baseUrl());
        gateway.put("TICKET_SERVICE_URI", ticketService.baseUrl());
        // profile-service and feedback-service are not started: their routes meet a stopped service (nothing listens
        // on these ports), never whatever else on this machine answers on their default ports.
        gateway.put("PROFILE_SERVICE_URI", "http://127.0.0.1:" + freePort());
        gateway.put("FEEDBACK_SERVICE_URI", "http://127.0.0.1:" + freePort());
        launch("gateway", gateway);

        Instant deadline = Instant.now().plus(STARTUP);
        apps.values().forEach(app -> app.awaitReady(deadline));
    }

    private App launch(String name, Map<String, String> environment) {
        int port = freePort();
        Path jar = Path.of(System.getProperty("touchpoint.apps.directory", "target/apps"), name + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the tests with ./mvnw verify, which builds it");
        }
        Path log = Path.of("target", "platform-logs", name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("PORT", Integer.toString(port));
        try {
            Files.createDirectories(log.getParent());
            builder.redirectOutput(log.toFile());
            App app = new App(name, builder.start(), "http://127.0.0.1:" + port, log);
            apps.put(name, app);
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    private void stop() {
        apps.values().forEach(app -> app.process().destroy());
        apps.values().forEach(app -> {
            try {
                app.process().waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record App(String name, Process process, String baseUrl, Path log) {

        private static final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1))
                .build();

        void awaitReady(Instant deadline) {
            URI readiness = URI.create(baseUrl + "/readyz");
            Awaitility.await(name + " ready (see " + log + ")")
                    .atMost(Duration.between(Instant.now(), deadline).plusMillis(1))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(
                                    name + " exited with " + process.exitValue() + "; see " + log);
                        }
                        return isReady(readiness);
                    });
        }

        private static boolean isReady(URI readiness) throws InterruptedException {
            try {
                return http.send(
                                        HttpRequest.newBuilder(readiness)
                                                .timeout(Duration.ofSeconds(2))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200;
            } catch (IOException notYet) {
                return false; // still starting
            }
        }
    }
}
