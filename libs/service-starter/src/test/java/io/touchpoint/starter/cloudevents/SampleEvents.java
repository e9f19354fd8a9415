package io.touchpoint.starter.cloudevents;

import io.touchpoint.events.Actor;
import io.touchpoint.events.EventPayload;
import io.touchpoint.events.EventType;
import io.touchpoint.events.ticket.Priority;
import io.touchpoint.events.ticket.TicketEscalated;
import java.time.Instant;

/** A real contract event for the tests of this starter's messaging support. */
public final class SampleEvents {

    public static final Class<TicketEscalated> TYPE = TicketEscalated.class;

    private SampleEvents() {}

    public static TicketEscalated escalated(String ticketId) {
        return new TicketEscalated(
                ticketId,
                1,
                Priority.NORMAL,
                Priority.HIGH,
                "team-support",
                "team-supervisors",
                null,
                TicketEscalated.Reason.CUSTOMER_REQUEST,
                null,
                Actor.agent("agent-7"),
                "customer asked for a supervisor",
                Instant.parse("2026-03-01T10:15:30Z"));
    }

    public static EventType eventType() {
        return EventType.of(TYPE);
    }

    public static String subjectOf(EventPayload payload) {
        return payload.subject();
    }
}
