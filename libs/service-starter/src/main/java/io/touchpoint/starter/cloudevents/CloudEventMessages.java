package io.touchpoint.starter.cloudevents;

import io.touchpoint.events.CloudEventHeaders;
import io.touchpoint.events.EventType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;

/**
 * Maps a {@link CloudEvent} to and from an AMQP message in binary content mode, as the CloudEvents AMQP protocol
 * binding defines it: attributes as {@code cloudEvents_*} application headers, data as the body.
 */
public final class CloudEventMessages {

    static final String CONTENT_TYPE = CloudEventHeaders.CONTENT_TYPE_VALUE;

    /** The W3C trace context header, which the consuming listener continues its trace from. */
    public static final String TRACE_PARENT = "traceparent";

    private CloudEventMessages() {}

    /** A persistent {@code application/json} message carrying {@code outgoing}'s event, in its trace. */
    public static Message toMessage(OutgoingEvent outgoing) {
        Message message = toMessage(outgoing.event());
        if (outgoing.traceParent() != null) {
            message.getMessageProperties().setHeader(TRACE_PARENT, outgoing.traceParent());
        }
        return message;
    }

    /** A persistent {@code application/json} message carrying {@code event}. */
    public static Message toMessage(CloudEvent event) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType(CONTENT_TYPE);
        properties.setContentEncoding("UTF-8");
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        properties.setMessageId(event.id());
        properties.setTimestamp(java.util.Date.from(event.time()));
        properties.setHeader(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        properties.setHeader(CloudEventHeaders.ID, event.id());
        properties.setHeader(CloudEventHeaders.TYPE, event.type());
        properties.setHeader(CloudEventHeaders.SOURCE, event.source());
        properties.setHeader(CloudEventHeaders.TIME, event.time().toString());
        if (event.subject() != null) {
            properties.setHeader(CloudEventHeaders.SUBJECT, event.subject());
        }
        properties.setHeader(CloudEventHeaders.TENANT_ID, event.tenantId());
        EventType.fromType(event.type())
                .ifPresent(type -> properties.setHeader(CloudEventHeaders.DATA_SCHEMA, type.dataSchema()));
        return new Message(event.data(), properties);
    }

    /**
     * Reads the CloudEvent attributes from message headers; rejects a message without id, type or tenant.
     *
     * @throws InvalidCloudEventException if a required attribute is missing or malformed
     */
    public static CloudEvent fromHeaders(Map<String, ?> headers, byte[] body) {
        String id = required(headers, CloudEventHeaders.ID);
        String type = required(headers, CloudEventHeaders.TYPE);
        String tenantId = required(headers, CloudEventHeaders.TENANT_ID);
        String specVersion = optional(headers, CloudEventHeaders.SPEC_VERSION);
        if (specVersion != null && !specVersion.startsWith("1.")) {
            throw new InvalidCloudEventException(
                    "event " + id + " has unsupported " + CloudEventHeaders.SPEC_VERSION + " " + specVersion);
        }
        String source = optional(headers, CloudEventHeaders.SOURCE);
        String subject = optional(headers, CloudEventHeaders.SUBJECT);
        Instant time = time(id, optional(headers, CloudEventHeaders.TIME));
        if (body == null) {
            throw new InvalidCloudEventException("event " + id + " has no data");
        }
        return new CloudEvent(id, type, source == null ? "unknown" : source, subject, tenantId, time, body);
    }

    private static Instant time(String id, String value) {
        if (value == null) {
            // time is optional in CloudEvents 1.0; the receipt time is the best we know.
            return Instant.now();
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidCloudEventException(
                    "event " + id + " has a " + CloudEventHeaders.TIME + " that is not RFC 3339: " + value);
        }
    }

    private static String required(Map<String, ?> headers, String name) {
        String value = optional(headers, name);
        if (value == null || value.isBlank()) {
            throw new InvalidCloudEventException("message has no " + name + " header; not a Touchpoint CloudEvent");
        }
        return value;
    }

    private static String optional(Map<String, ?> headers, String name) {
        Object value = headers.get(name);
        // amqp-client hands long strings over as LongString, byte arrays in some paths: both are UTF-8 text.
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        return value.toString();
    }
}
