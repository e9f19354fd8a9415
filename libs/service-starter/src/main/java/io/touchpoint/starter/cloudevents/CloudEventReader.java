package io.touchpoint.starter.cloudevents;

import io.touchpoint.events.EventJson;
import io.touchpoint.events.EventPayload;
import io.touchpoint.events.EventType;
import org.springframework.messaging.Message;

/**
 * Reads what a Touchpoint producer (or any CloudEvents AMQP-binding producer) sent: the {@code cloudEvents_*}
 * headers and the JSON body. Unknown headers and unknown JSON fields are ignored, as the contract's additive-change
 * rule needs; a message without id, type or tenant is rejected with {@link InvalidCloudEventException}.
 */
public class CloudEventReader {

    /** Reads a message received by a Spring Cloud Stream consumer ({@code Consumer<Message<byte[]>>}). */
    public <T extends EventPayload> ReceivedEvent<T> read(Message<byte[]> message, Class<T> payloadType) {
        return typed(CloudEventMessages.fromHeaders(message.getHeaders(), message.getPayload()), payloadType);
    }

    /** Reads a message received through Spring AMQP directly. */
    public <T extends EventPayload> ReceivedEvent<T> read(
            org.springframework.amqp.core.Message message, Class<T> payloadType) {
        return typed(read(message), payloadType);
    }

    /** Reads the event without decoding its data, for consumers of every event type (timeline, webhooks). */
    public CloudEvent read(org.springframework.amqp.core.Message message) {
        return CloudEventMessages.fromHeaders(message.getMessageProperties().getHeaders(), message.getBody());
    }

    /** Reads the event without decoding its data, for consumers of every event type (timeline, webhooks). */
    public CloudEvent read(Message<byte[]> message) {
        return CloudEventMessages.fromHeaders(message.getHeaders(), message.getPayload());
    }

    /** Decodes the data of {@code event} as {@code payloadType}, which must be the payload of the event's type. */
    public <T extends EventPayload> ReceivedEvent<T> typed(CloudEvent event, Class<T> payloadType) {
        String expected = EventType.of(payloadType).type();
        if (!expected.equals(event.type())) {
            throw new InvalidCloudEventException(
                    "event " + event.id() + " has type " + event.type() + ", expected " + expected);
        }
        T payload;
        try {
            payload = EventJson.read(event.data(), payloadType);
        } catch (RuntimeException e) {
            throw new InvalidCloudEventException(
                    "event " + event.id() + " of type " + event.type() + " has data that does not match its schema", e);
        }
        return new ReceivedEvent<>(
                event.id(), event.type(), event.source(), event.subject(), event.tenantId(), event.time(), payload);
    }
}
