package io.touchpoint.ticket.application;

import io.touchpoint.events.EventPayload;
import io.touchpoint.ticket.domain.Ticket;
import java.util.List;

/**
 * A ticket was changed through {@link TicketUpdates} and stored: published in process, after the write, to listeners
 * that react to agents' changes (routing gives back capacity and assigns from queues). Events are not lost when a
 * listener fails, as they were stored with the change; a listener repairs what it missed on its own.
 *
 * @param before the ticket as it was read before the change
 * @param after the ticket as stored, at its new version
 * @param events the events stored with the change
 */
public record TicketChanged(Ticket before, Ticket after, List<EventPayload> events) {

    public TicketChanged {
        events = List.copyOf(events);
    }
}
