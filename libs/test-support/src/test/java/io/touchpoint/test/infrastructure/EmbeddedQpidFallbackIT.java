package io.touchpoint.test.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With no RabbitMQ and no Docker, and RabbitMQ not required, tests still get a working AMQP 0-9-1 broker. */
class EmbeddedQpidFallbackIT {

    private static RabbitResolver.Resolution resolution;

    @BeforeAll
    static void resolveWithoutRabbitMqOrDocker() throws IOException {
        InetSocketAddress nothingListening;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nothingListening = new InetSocketAddress("127.0.0.1", socket.getLocalPort());
        }
        resolution = new RabbitResolver(name -> null, nothingListening, () -> false).resolve();
    }

    @AfterAll
    static void stopBroker() {
        resolution.stop().run();
    }

    @Test
    void embeddedBrokerIsChosen() {
        assertThat(resolution.endpoint().kind()).isEqualTo(RabbitEndpoint.Kind.EMBEDDED);
        assertThat(resolution.endpoint().host()).isEqualTo("127.0.0.1");
    }

    @Test
    void virtualHostsKeepMessagesApart() throws Exception {
        resolution.virtualHosts().create("t_qpid_first");
        resolution.virtualHosts().create("t_qpid_second");
        try (Connection first =
                        resolution.endpoint().connectionFactory("t_qpid_first").newConnection();
                Connection second =
                        resolution.endpoint().connectionFactory("t_qpid_second").newConnection();
                Channel firstChannel = first.createChannel();
                Channel secondChannel = second.createChannel()) {
            // Arguments the Rabbit binder declares and Qpid does not know are logged, not refused.
            Map<String, Object> quorum = Map.of("x-queue-type", "quorum", "x-dead-letter-exchange", "dlx");
            firstChannel.queueDeclare("orders", true, false, false, quorum);
            secondChannel.queueDeclare("orders", true, false, false, quorum);

            firstChannel.basicPublish("", "orders", null, "hello qpid".getBytes(StandardCharsets.UTF_8));

            assertThat(secondChannel.basicGet("orders", true)).isNull();
            GetResponse response = firstChannel.basicGet("orders", true);
            assertThat(response).isNotNull();
            assertThat(new String(response.getBody(), StandardCharsets.UTF_8)).isEqualTo("hello qpid");
        }
    }

    @Test
    void defaultVirtualHostAcceptsConnections() throws Exception {
        try (Connection connection = resolution
                        .endpoint()
                        .connectionFactory(resolution.defaultVirtualHost())
                        .newConnection();
                Channel channel = connection.createChannel()) {
            assertThat(channel.queueDeclare().getQueue()).isNotBlank();
        }
    }
}
