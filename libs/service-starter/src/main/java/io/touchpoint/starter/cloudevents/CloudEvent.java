package io.touchpoint.starter.cloudevents;

import io.touchpoint.events.EventJson;
import io.touchpoint.events.EventPayload;
import io.touchpoint.events.EventType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvent 1.0 as Touchpoint sends it: the context attributes plus the JSON-encoded event data.
 *
 * <p>{@code time} is kept to millisecond precision, the precision MongoDB stores, so that an event read back from
 * an outbox carries exactly the time it was created with.
 */
public record CloudEvent(
        String id, String type, String source, String subject, String tenantId, Instant time, byte[] data) {

    public CloudEvent {
        requireText(id, "id");
        requireText(type, "type");
        requireText(source, "source");
        requireText(tenantId, "tenantId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
        time = time.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A new event (fresh id, current time) describing {@code payload} for {@code tenantId}. */
    public static CloudEvent of(String tenantId, EventPayload payload) {
        return of(tenantId, payload, Clock.systemUTC());
    }

    static CloudEvent of(String tenantId, EventPayload payload, Clock clock) {
        EventType eventType = EventType.of(payload.getClass());
        return new CloudEvent(
                UUID.randomUUID().toString(),
                eventType.type(),
                eventType.source(),
                payload.subject(),
                tenantId,
                clock.instant(),
                EventJson.write(payload));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CloudEvent that
                && id.equals(that.id)
                && type.equals(that.type)
                && source.equals(that.source)
                && Objects.equals(subject, that.subject)
                && tenantId.equals(that.tenantId)
                && time.equals(that.time)
                && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, type, source, subject, tenantId, time, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        // Never the data: it may carry personal data.
        return "CloudEvent[id=" + id + ", type=" + type + ", subject=" + subject + ", tenantId=" + tenantId + ", time="
                + time + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("CloudEvent " + name + " must not be blank");
        }
    }
}
