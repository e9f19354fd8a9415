package io.touchpoint.starter.cloudevents;

import io.touchpoint.events.EventType;
import java.util.Objects;

/**
 * A {@link CloudEvent} together with where it goes (the producing area's exchange and the routing key) and the W3C
 * {@code traceparent} of the work that caused it (null outside any trace).
 */
public record OutgoingEvent(String exchange, String routingKey, CloudEvent event, String traceParent) {

    public OutgoingEvent {
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(routingKey, "routingKey");
        Objects.requireNonNull(event, "event");
    }

    /**
     * Addresses {@code event} as the contract says (the exchange and routing key of its {@link EventType}), in the
     * trace current on this thread.
     */
    public static OutgoingEvent of(CloudEvent event) {
        EventType type = EventType.fromType(event.type())
                .orElseThrow(() -> new IllegalArgumentException("unknown event type " + event.type()));
        return new OutgoingEvent(type.exchange().exchangeName(), type.routingKey(), event, TraceParents.current());
    }
}
