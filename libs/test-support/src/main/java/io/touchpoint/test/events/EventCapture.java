package io.touchpoint.test.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Delivery;
import io.touchpoint.events.CloudEventHeaders;
import io.touchpoint.events.EventJson;
import io.touchpoint.events.EventPayload;
import io.touchpoint.events.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/**
 * Listens on a producer's exchange for one event type, the way a partner would bind a queue, and keeps what arrives:
 * headers and body exactly as sent. {@link #awaitCount} waits for deliveries; {@link #payloads} decodes them after
 * checking every body against the contract's JSON Schema, so a producer test proves it publishes what the contract
 * says.
 *
 * <pre>{@code
 * try (var received = EventCapture.bind(vhost.connectionFactory(), EventType.INTERACTION_RECEIVED)) {
 *     ... act ...
 *     received.awaitCount(1);
 *     InteractionReceived event = received.payloads(InteractionReceived.class).get(0);
 * }
 * }</pre>
 */
public final class EventCapture implements AutoCloseable {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private static final Map<EventType, Schema> schemaCache = new ConcurrentHashMap<>();

    private final EventType type;

    private final Connection connection;

    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    private EventCapture(EventType type, Connection connection) {
        this.type = type;
        this.connection = connection;
    }

    /** Binds a fresh exclusive queue to {@code type}'s exchange and routing key in the broker {@code factory} reaches. */
    public static EventCapture bind(ConnectionFactory factory, EventType type) {
        try {
            Connection connection = factory.newConnection("event-capture");
            EventCapture capture = new EventCapture(type, connection);
            Channel channel = connection.createChannel();
            String exchange = type.exchange().exchangeName();
            channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true);
            // A named classic exclusive queue: server-named queues get arguments some brokers refuse.
            String queue = "capture." + type.routingKey() + "." + UUID.randomUUID();
            channel.queueDeclare(queue, false, true, true, null);
            channel.queueBind(queue, exchange, type.routingKey());
            channel.basicConsume(queue, true, (tag, delivery) -> capture.deliveries.add(delivery), tag -> {});
            return capture;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("could not connect to RabbitMQ", e);
        }
    }

    /** Waits up to 20 s until at least {@code count} events arrived; returns how many did. */
    public int awaitCount(int count) {
        Awaitility.await("%d %s event(s)".formatted(count, type.routingKey()))
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> deliveries.size() >= count);
        return deliveries.size();
    }

    /** What arrived so far, in order. */
    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** The payloads so far, each checked against the contract schema and its CloudEvents headers first. */
    public <T extends EventPayload> List<T> payloads(Class<T> payloadType) {
        assertThat(EventType.of(payloadType)).isEqualTo(type);
        List<T> payloads = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            assertMatchesContract(delivery);
            payloads.add(EventJson.read(delivery.getBody(), payloadType));
        }
        return payloads;
    }

    /** Asserts the headers are the CloudEvents AMQP binding's and the body validates against the type's schema. */
    public void assertMatchesContract(Delivery delivery) {
        Map<String, Object> headers = delivery.getProperties().getHeaders();
        assertThat(header(headers, CloudEventHeaders.TYPE)).isEqualTo(type.type());
        assertThat(header(headers, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(headers, CloudEventHeaders.ID)).isNotBlank();
        assertThat(header(headers, CloudEventHeaders.TENANT_ID)).isNotBlank();
        assertThat(delivery.getProperties().getContentType()).startsWith("application/json");
        JsonNode data = EventJson.mapper().readTree(delivery.getBody());
        List<Error> errors = schema(type).validate(data);
        assertThat(errors)
                .as(
                        "%s body %s against its schema",
                        type.type(), new String(delivery.getBody(), StandardCharsets.UTF_8))
                .isEmpty();
    }

    /** The value of a {@code cloudEvents_*} header of a delivery, as a string. */
    public static String header(Map<String, Object> headers, String name) {
        Object value = headers != null ? headers.get(name) : null;
        return value != null ? value.toString() : null;
    }

    private static Schema schema(EventType type) {
        return schemaCache.computeIfAbsent(type, t -> {
            try (InputStream in = Objects.requireNonNull(
                    EventType.class.getResourceAsStream(t.schemaResource()), t.schemaResource())) {
                return SCHEMAS.getSchema(EventJson.mapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException | RuntimeException e) {
            // already closed by the broker or the test
        }
    }
}
