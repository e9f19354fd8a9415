package io.touchpoint.test.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.touchpoint.test.infrastructure.RabbitEndpoint;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import io.touchpoint.test.infrastructure.TestVirtualHost;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The proxy makes the real broker unreachable and reachable again, as the outbox reliability test needs. */
@RealInfrastructure
class TcpProxyIT {

    @Test
    void brokerBehindACutProxyIsUnreachableUntilRestored(TestVirtualHost virtualHost, RabbitEndpoint broker)
            throws Exception {
        try (TcpProxy proxy = TcpProxy.to(broker.host(), broker.port()).start()) {
            ConnectionFactory factory = virtualHost.connectionFactory();
            factory.setPort(proxy.port());
            factory.setHost("127.0.0.1");
            factory.setAutomaticRecoveryEnabled(false);

            Connection connection = factory.newConnection();
            Channel channel = connection.createChannel();
            channel.queueDeclare("outbox-check", false, false, true, null);

            proxy.cut();

            await().atMost(Duration.ofSeconds(10)).until(() -> !connection.isOpen());
            assertThatThrownBy(factory::newConnection).isInstanceOf(IOException.class);

            proxy.restore();

            try (Connection again = factory.newConnection();
                    Channel channelAgain = again.createChannel()) {
                assertThat(channelAgain.queueDeclare().getQueue()).isNotBlank();
            }
        }
    }
}
