package io.touchpoint.ticket.domain;

import io.touchpoint.events.EventPayload;
import java.util.List;

/** A ticket after a change, with the events the change causes; they are stored together. */
public record TicketChange(Ticket ticket, List<EventPayload> events) {

    public TicketChange {
        events = List.copyOf(events);
    }

    public static TicketChange of(Ticket ticket, EventPayload... events) {
        return new TicketChange(ticket, List.of(events));
    }

    /** Whether {@code before} and the ticket differ, or events were caused. */
    public boolean changes(Ticket before) {
        return !events.isEmpty() || !ticket.equals(before);
    }
}
