package io.touchpoint.ticket.application;

import io.touchpoint.ticket.domain.Ticket;
import io.touchpoint.ticket.domain.TicketChange;
import java.util.List;
import java.util.Optional;

/** Where tickets are kept, each with its pending events in the same document. */
public interface TicketStore {

    Optional<Ticket> find(String tenantId, String id);

    /**
     * Stores a new ticket and its events in one write, recording {@code appliedEventId} as applied to it.
     *
     * @return false if a ticket with that id exists already
     */
    boolean insert(TicketChange opened, String appliedEventId);

    /**
     * Stores {@code change} and its events in one write, if the stored ticket is still at {@code expectedVersion}
     * and, when {@code appliedEventId} is given, has not applied that event yet (which it then records).
     */
    Write update(TicketChange change, long expectedVersion, String appliedEventId);

    /** Tickets matching {@code search}, in id (creation) order after its cursor, at most {@code limit}. */
    List<Ticket> search(TicketSearch search, int limit);

    /** The outcome of {@link #update}. */
    enum Write {
        WRITTEN,
        /** The ticket changed since it was read (or does not exist): read it again and retry. */
        CONFLICT,
        /** The ticket applied the event before: nothing to do. */
        ALREADY_APPLIED
    }
}
