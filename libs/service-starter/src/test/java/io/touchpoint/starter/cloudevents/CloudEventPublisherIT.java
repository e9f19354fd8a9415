package io.touchpoint.starter.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.touchpoint.events.CloudEventHeaders;
import io.touchpoint.events.EventType;
import io.touchpoint.starter.outbox.OutboxTestApplication;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import io.touchpoint.test.net.TcpProxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.amqp.autoconfigure.RabbitProperties;
import org.springframework.boot.test.context.SpringBootTest;

/** What the publishing helper puts on the wire, read back by the reader and as plain AMQP. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        classes = OutboxTestApplication.class,
        properties = "spring.application.name=cloudevents-it")
@RealInfrastructure
class CloudEventPublisherIT {

    @Autowired
    private CloudEventPublisher publisher;

    @Autowired
    private CloudEventReader reader;

    @Autowired
    private CachingConnectionFactory connectionFactory;

    @Autowired
    private RabbitProperties rabbitProperties;

    @Test
    void publishedEventCanBeReadByTheReaderAndAsPlainCloudEventsAmqpBinding() throws Exception {
        String queue = bindQueueTo(SampleEvents.eventType());
        CloudEvent event = CloudEvent.of("tenant-1", SampleEvents.escalated("ticket-7"));

        publisher.publish(event);

        Message message = new RabbitTemplate(connectionFactory).receive(queue, 10_000);
        assertThat(message).isNotNull();
        ReceivedEvent<?> received = reader.read(message, SampleEvents.TYPE);
        assertThat(received.id()).isEqualTo(event.id());
        assertThat(received.tenantId()).isEqualTo("tenant-1");
        assertThat(received.payload()).isEqualTo(SampleEvents.escalated("ticket-7"));

        publisher.publish(event);
        GetResponse raw = basicGet(queue);
        AMQP.BasicProperties properties = raw.getProps();
        assertThat(properties.getContentType()).isEqualTo("application/json");
        assertThat(properties.getDeliveryMode()).as("persistent").isEqualTo(2);
        Map<String, Object> headers = properties.getHeaders();
        assertThat(text(headers, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(text(headers, CloudEventHeaders.ID)).isEqualTo(event.id());
        assertThat(text(headers, CloudEventHeaders.TYPE)).isEqualTo("io.touchpoint.ticket.escalated.v1");
        assertThat(text(headers, CloudEventHeaders.SOURCE)).isEqualTo("/touchpoint/ticket-service");
        assertThat(text(headers, CloudEventHeaders.SUBJECT)).isEqualTo("ticket-7");
        assertThat(text(headers, CloudEventHeaders.TENANT_ID)).isEqualTo("tenant-1");
        assertThat(Instant.parse(text(headers, CloudEventHeaders.TIME))).isEqualTo(event.time());
        assertThat(raw.getBody()).isEqualTo(event.data());
    }

    @Test
    void eventNobodySubscribedToIsConfirmedAndCountedAsUnroutable() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CloudEventPublisher counting = new CloudEventPublisher(connectionFactory, Duration.ofSeconds(5), meters);
        CloudEvent event = CloudEvent.of("tenant-1", SampleEvents.escalated("ticket-8"));
        // An exchange of its own, whichever tests of this class ran before and bound queues to the event's exchange:
        // nothing is bound to it, and it does not exist yet, so the publisher declares it.
        String exchange = "cloudevents-it-" + UUID.randomUUID();
        OutgoingEvent unsubscribed =
                new OutgoingEvent(exchange, SampleEvents.eventType().routingKey(), event, null);

        try {
            assertThatNoException().isThrownBy(() -> counting.publish(unsubscribed));

            assertThat(meters.counter("touchpoint.events.unroutable", "type", event.type())
                            .count())
                    .isEqualTo(1);
        } finally {
            new RabbitAdmin(connectionFactory).deleteExchange(exchange);
        }
    }

    @Test
    void publishFailsWhenTheBrokerIsUnreachable() throws Exception {
        try (TcpProxy proxy = TcpProxy.to(connectionFactory.getHost(), connectionFactory.getPort())) {
            proxy.start();
            CachingConnectionFactory throughProxy =
                    new CachingConnectionFactory(connectionFactory.getHost(), proxy.port());
            throughProxy.setVirtualHost(connectionFactory.getVirtualHost());
            throughProxy.setUsername(connectionFactory.getUsername());
            throughProxy.setPassword(rabbitProperties.getPassword());
            throughProxy.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
            try {
                CloudEventPublisher cutOff =
                        new CloudEventPublisher(throughProxy, Duration.ofSeconds(2), new SimpleMeterRegistry());
                proxy.cut();

                assertThatExceptionOfType(EventPublishingException.class)
                        .isThrownBy(() -> cutOff.publish(CloudEvent.of("tenant-1", SampleEvents.escalated("t-9"))));
            } finally {
                throughProxy.destroy();
            }
        }
    }

    private String bindQueueTo(EventType type) {
        RabbitAdmin admin = new RabbitAdmin(connectionFactory);
        TopicExchange exchange = new TopicExchange(type.exchange().exchangeName(), true, false);
        Queue queue = new Queue("cloudevents-it-" + UUID.randomUUID(), false, true, false);
        admin.declareExchange(exchange);
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue).to(exchange).with(type.routingKey()));
        return queue.getName();
    }

    private GetResponse basicGet(String queue) throws Exception {
        Connection connection = connectionFactory.createConnection();
        try (Channel channel = connection.createChannel(false)) {
            // The publish returned after the broker's confirm: the message is in the queue already.
            GetResponse response = channel.basicGet(queue, true);
            assertThat(response).as("message in " + queue).isNotNull();
            return response;
        }
    }

    private static String text(Map<String, Object> headers, String name) {
        Object value = headers.get(name);
        return value == null ? null : value.toString();
    }
}
