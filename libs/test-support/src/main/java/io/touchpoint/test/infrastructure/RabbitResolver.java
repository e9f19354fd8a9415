package io.touchpoint.test.infrastructure;

import io.touchpoint.test.infrastructure.RabbitEndpoint.Kind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.rabbitmq.RabbitMQContainer;

/** Finds the broker for this JVM in the order ARCHITECTURE.md gives; {@link TestInfrastructure} keeps the result. */
final class RabbitResolver {

    static final String REQUIRE_RABBITMQ = "TOUCHPOINT_REQUIRE_RABBITMQ";

    static final String HOW_TO_START_RABBITMQ = "Start RabbitMQ with `rabbitmq-server -detached` (install it with"
            + " `sudo apt-get install rabbitmq-server`, then `sudo rabbitmq-plugins enable rabbitmq_management`),"
            + " or point RABBITMQ_HOST/RABBITMQ_PORT (and RABBITMQ_USERNAME/RABBITMQ_PASSWORD) at a broker.";

    private static final Logger log = LoggerFactory.getLogger(RabbitResolver.class);

    private static final String IMAGE = "rabbitmq:4.1-management";

    private final Function<String, String> environment;
    private final InetSocketAddress localBroker;
    private final BooleanSupplier dockerAvailable;

    RabbitResolver(
            Function<String, String> environment, InetSocketAddress localBroker, BooleanSupplier dockerAvailable) {
        this.environment = environment;
        this.localBroker = localBroker;
        this.dockerAvailable = dockerAvailable;
    }

    /** The broker, how to manage its virtual hosts, and how to stop it if this JVM started it. */
    record Resolution(RabbitEndpoint endpoint, VirtualHosts virtualHosts, String defaultVirtualHost, Runnable stop) {}

    Resolution resolve() {
        String username = env("RABBITMQ_USERNAME", "guest");
        String password = env("RABBITMQ_PASSWORD", "guest");
        String host = env("RABBITMQ_HOST", null);
        String port = env("RABBITMQ_PORT", null);
        if (host != null || port != null) {
            String brokerHost = host == null ? "127.0.0.1" : host;
            return external(
                    brokerHost, port == null ? 5672 : Integer.parseInt(port), username, password, Kind.ENVIRONMENT);
        }
        if (answers(localBroker)) {
            return external(localBroker.getHostString(), localBroker.getPort(), username, password, Kind.LOCAL);
        }
        if (dockerAvailable.getAsBoolean()) {
            return container();
        }
        if (Boolean.parseBoolean(env(REQUIRE_RABBITMQ, "false"))) {
            throw new IllegalStateException("RabbitMQ is required (" + REQUIRE_RABBITMQ + "=true) but none was found:"
                    + " RABBITMQ_HOST is not set, nothing answers on " + localBroker.getHostString() + ":"
                    + localBroker.getPort() + " and Docker is not available. " + HOW_TO_START_RABBITMQ);
        }
        return embedded(username, password);
    }

    private Resolution external(String host, int port, String username, String password, Kind kind) {
        String managementUrl = env("RABBITMQ_MANAGEMENT_URL", "http://" + host + ":15672");
        VirtualHosts managementApi = VirtualHosts.managementApi(managementUrl, username, password);
        VirtualHosts virtualHosts = isLocal(host)
                ? VirtualHosts.firstWorking(
                        List.of(managementApi, VirtualHosts.rabbitmqctl(VirtualHosts.localProcess(), username)))
                : managementApi;
        return new Resolution(
                new RabbitEndpoint(host, port, username, password, managementUrl, kind), virtualHosts, "/", () -> {});
    }

    @SuppressWarnings("resource") // stopped by the returned Resolution; Ryuk reaps it if the JVM dies first
    private Resolution container() {
        RabbitMQContainer container = new RabbitMQContainer(IMAGE);
        container.start();
        VirtualHosts.CommandRunner exec = command -> {
            var result = container.execInContainer(command);
            return new VirtualHosts.CommandResult(result.getExitCode(), result.getStdout() + result.getStderr());
        };
        String username = container.getAdminUsername();
        VirtualHosts virtualHosts = VirtualHosts.firstWorking(List.of(
                VirtualHosts.managementApi(container.getHttpUrl(), username, container.getAdminPassword()),
                VirtualHosts.rabbitmqctl(exec, username)));
        RabbitEndpoint endpoint = new RabbitEndpoint(
                container.getHost(),
                container.getAmqpPort(),
                username,
                container.getAdminPassword(),
                container.getHttpUrl(),
                Kind.CONTAINER);
        return new Resolution(endpoint, virtualHosts, "/", container::stop);
    }

    private Resolution embedded(String username, String password) {
        log.warn(
                """

                ************************************************************************************************
                *  NO RABBITMQ: these tests run against an EMBEDDED QPID BROKER-J, which is not RabbitMQ.      *
                *  It ignores quorum/TTL/dead-letter arguments and has no broker-side dead-lettering, so a     *
                *  green run here proves less than it seems. CI sets {}=true to refuse it.
                *  {}
                ************************************************************************************************""",
                REQUIRE_RABBITMQ,
                HOW_TO_START_RABBITMQ);
        try {
            EmbeddedQpidBroker broker = EmbeddedQpidBroker.start(username, password);
            RabbitEndpoint endpoint =
                    new RabbitEndpoint("127.0.0.1", broker.port(), username, password, null, Kind.EMBEDDED);
            return new Resolution(endpoint, broker, "default", broker::stop);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded Qpid broker. " + HOW_TO_START_RABBITMQ, e);
        }
    }

    private String env(String name, String fallback) {
        String value = environment.apply(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static boolean answers(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isLocal(String host) {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
    }
}
