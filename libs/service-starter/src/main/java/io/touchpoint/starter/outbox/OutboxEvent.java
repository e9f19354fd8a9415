package io.touchpoint.starter.outbox;

import io.touchpoint.events.EventPayload;
import io.touchpoint.starter.cloudevents.CloudEvent;
import io.touchpoint.starter.cloudevents.OutgoingEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * An event waiting in an aggregate's {@code outbox} array until the relay has published it.
 *
 * <p>The field is {@code eventId}, not {@code id}: Spring Data maps a property called {@code id} to {@code _id},
 * also in embedded documents, and the relay reads the stored array without the mapping layer. {@code data} is the
 * event's JSON exactly as it will be sent; {@code traceParent} the W3C trace context of the write that caused it, so
 * that its consumers continue that trace however late the relay publishes it.
 */
public record OutboxEvent(
        String eventId,
        String type,
        String source,
        String exchange,
        String routingKey,
        String subject,
        String tenantId,
        Instant time,
        String data,
        String traceParent) {

    static final String EVENT_ID = "eventId";

    /** A new outbox entry for {@code payload}, with a fresh event id and the current time. */
    public static OutboxEvent of(String tenantId, EventPayload payload) {
        return from(OutgoingEvent.of(CloudEvent.of(tenantId, payload)));
    }

    static OutboxEvent from(OutgoingEvent outgoing) {
        CloudEvent event = outgoing.event();
        return new OutboxEvent(
                event.id(),
                event.type(),
                event.source(),
                outgoing.exchange(),
                outgoing.routingKey(),
                event.subject(),
                event.tenantId(),
                event.time(),
                new String(event.data(), StandardCharsets.UTF_8),
                outgoing.traceParent());
    }

    /** What {@code $push} stores; the same shape Spring Data writes for this record. */
    Document toDocument() {
        Document document = new Document(EVENT_ID, eventId)
                .append("type", type)
                .append("source", source)
                .append("exchange", exchange)
                .append("routingKey", routingKey);
        if (subject != null) {
            document.append("subject", subject);
        }
        document.append("tenantId", tenantId).append("time", Date.from(time)).append("data", data);
        if (traceParent != null) {
            document.append("traceParent", traceParent);
        }
        return document;
    }

    static OutboxEvent fromDocument(Document document) {
        Date time = document.getDate("time");
        return new OutboxEvent(
                document.getString(EVENT_ID),
                document.getString("type"),
                document.getString("source"),
                document.getString("exchange"),
                document.getString("routingKey"),
                document.getString("subject"),
                document.getString("tenantId"),
                time == null ? null : time.toInstant(),
                document.getString("data"),
                document.getString("traceParent"));
    }

    OutgoingEvent toOutgoing() {
        return new OutgoingEvent(
                exchange,
                routingKey,
                new CloudEvent(eventId, type, source, subject, tenantId, time, data.getBytes(StandardCharsets.UTF_8)),
                traceParent);
    }
}
