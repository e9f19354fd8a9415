package io.touchpoint.test.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RabbitResolverTests {

    @Test
    void environmentWins() {
        Map<String, String> environment = Map.of(
                "RABBITMQ_HOST", "rabbit.example",
                "RABBITMQ_PORT", "5673",
                "RABBITMQ_USERNAME", "touchpoint",
                "RABBITMQ_PASSWORD", "secret");

        RabbitEndpoint endpoint = new RabbitResolver(environment::get, nothingListening(), () -> {
                    throw new AssertionError("Docker must not be asked when the environment names a broker");
                })
                .resolve()
                .endpoint();

        assertThat(endpoint)
                .isEqualTo(new RabbitEndpoint(
                        "rabbit.example",
                        5673,
                        "touchpoint",
                        "secret",
                        "http://rabbit.example:15672",
                        RabbitEndpoint.Kind.ENVIRONMENT));
        assertThat(endpoint.toString()).doesNotContain("secret");
    }

    @Test
    void managementUrlCanBeGiven() {
        Map<String, String> environment =
                Map.of("RABBITMQ_HOST", "rabbit.example", "RABBITMQ_MANAGEMENT_URL", "https://admin.example/rabbit");

        RabbitEndpoint endpoint = new RabbitResolver(environment::get, nothingListening(), () -> false)
                .resolve()
                .endpoint();

        assertThat(endpoint.port()).isEqualTo(5672);
        assertThat(endpoint.username()).isEqualTo("guest");
        assertThat(endpoint.managementUrl()).isEqualTo("https://admin.example/rabbit");
    }

    @Test
    void brokerAnsweringLocallyIsUsed() throws IOException {
        try (ServerSocket fakeBroker = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", fakeBroker.getLocalPort());

            RabbitEndpoint endpoint = new RabbitResolver(name -> null, address, () -> false)
                    .resolve()
                    .endpoint();

            assertThat(endpoint.kind()).isEqualTo(RabbitEndpoint.Kind.LOCAL);
            assertThat(endpoint.port()).isEqualTo(fakeBroker.getLocalPort());
            assertThat(endpoint.managementUrl()).isEqualTo("http://127.0.0.1:15672");
        }
    }

    @Test
    void embeddedBrokerIsRefusedWhenRabbitMqIsRequired() {
        Map<String, String> environment = Map.of("TOUCHPOINT_REQUIRE_RABBITMQ", "true");
        RabbitResolver resolver = new RabbitResolver(environment::get, nothingListening(), () -> false);

        assertThatThrownBy(resolver::resolve)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TOUCHPOINT_REQUIRE_RABBITMQ=true")
                .hasMessageContaining("rabbitmq-server -detached")
                .hasMessageContaining("apt-get install rabbitmq-server");
    }

    private static InetSocketAddress nothingListening() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new InetSocketAddress("127.0.0.1", socket.getLocalPort());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
