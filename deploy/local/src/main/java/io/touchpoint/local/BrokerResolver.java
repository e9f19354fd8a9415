package io.touchpoint.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the broker, in this order: {@code RABBITMQ_HOST}; a RabbitMQ already answering on 127.0.0.1; RabbitMQ
 * started with {@code rabbitmq-server -detached} when it is installed; an embedded Qpid broker as the last resort.
 */
final class BrokerResolver {

    private static final String LOCALHOST = "127.0.0.1";

    private static final Duration RABBITMQ_START_TIMEOUT = Duration.ofSeconds(30);

    private final LauncherSettings settings;

    private final Map<String, String> environment;

    private final Console console;

    BrokerResolver(LauncherSettings settings, Map<String, String> environment, Console console) {
        this.settings = settings;
        this.environment = environment;
        this.console = console;
    }

    AmqpBroker resolve() {
        int port = settings.rabbitPort();
        if (settings.brokerMode() == LauncherSettings.BrokerMode.EMBEDDED) {
            if (Ports.isInUse(port)) {
                throw new LauncherException("TOUCHPOINT_BROKER=embedded but port " + port
                        + " is taken (by RabbitMQ?); set RABBITMQ_PORT to another port");
            }
            return startEmbedded(port);
        }
        if (settings.externalRabbitHost() != null) {
            String host = settings.externalRabbitHost();
            if (!Ports.answers(host, port, 2000)) {
                console.warn("RABBITMQ_HOST=" + host + " does not answer on port " + port
                        + " yet; the services will keep retrying.");
            }
            return AmqpBroker.external(settings, host, "RabbitMQ at " + host + ":" + port + " (RABBITMQ_HOST)");
        }
        if (Ports.answers(LOCALHOST, port, 1000)) {
            return AmqpBroker.external(settings, LOCALHOST, "RabbitMQ at " + LOCALHOST + ":" + port);
        }
        Optional<Path> rabbitmqServer = findRabbitmqServer();
        if (rabbitmqServer.isPresent()) {
            if (startRabbitmq(rabbitmqServer.get())) {
                return AmqpBroker.external(
                        settings,
                        LOCALHOST,
                        "RabbitMQ at " + LOCALHOST + ":" + port + " (started with rabbitmq-server -detached; "
                                + "stop it with rabbitmqctl stop)");
            }
            console.warn("rabbitmq-server is installed but did not start within " + RABBITMQ_START_TIMEOUT.toSeconds()
                    + " s.");
        }
        if (settings.brokerMode() == LauncherSettings.BrokerMode.RABBITMQ) {
            throw new LauncherException("TOUCHPOINT_BROKER=rabbitmq but no RabbitMQ answers on " + LOCALHOST + ":"
                    + port + ". Start it (rabbitmq-server -detached) or install it (apt-get install rabbitmq-server).");
        }
        return startEmbedded(port);
    }

    private AmqpBroker startEmbedded(int port) {
        console.banner(
                "WARNING: Touchpoint is using an EMBEDDED Apache Qpid broker (no RabbitMQ) on " + LOCALHOST + ":" + port
                        + ".",
                "It is for trying the platform on this machine, NOT for production:",
                "  - it keeps messages in memory only (they are lost when the launcher stops);",
                "  - it ignores quorum queues, TTLs and dead-letter exchanges (no broker-side DLQ).",
                "Install RabbitMQ (e.g. apt-get install rabbitmq-server) and start again to use it.");
        EmbeddedQpidBroker broker =
                EmbeddedQpidBroker.start(settings.stateDirectory().resolve("qpid"), port);
        return new AmqpBroker(
                LOCALHOST, port, "guest", "guest", "/", "embedded Qpid broker at " + LOCALHOST + ":" + port, broker);
    }

    private boolean startRabbitmq(Path rabbitmqServer) {
        console.info("RabbitMQ is installed but not running: starting it with " + rabbitmqServer + " -detached");
        try {
            Process process = new ProcessBuilder(rabbitmqServer.toString(), "-detached")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            process.waitFor();
        } catch (IOException ex) {
            console.warn("Could not run " + rabbitmqServer + ": " + ex.getMessage());
            return false;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
        Instant deadline = Instant.now().plus(RABBITMQ_START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (Ports.answers(LOCALHOST, settings.rabbitPort(), 500)) {
                return true;
            }
            sleep(500);
        }
        return false;
    }

    private Optional<Path> findRabbitmqServer() {
        List<String> dirs =
                new ArrayList<>(List.of(environment.getOrDefault("PATH", "").split(java.io.File.pathSeparator)));
        // Debian puts it in /usr/sbin, which is not on every user's PATH.
        dirs.addAll(List.of("/usr/sbin", "/usr/local/sbin", "/usr/lib/rabbitmq/bin", "/opt/homebrew/sbin"));
        return dirs.stream()
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "rabbitmq-server"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
