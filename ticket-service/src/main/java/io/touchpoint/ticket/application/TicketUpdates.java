package io.touchpoint.ticket.application;

import io.touchpoint.starter.problem.ConflictException;
import io.touchpoint.starter.problem.NotFoundException;
import io.touchpoint.starter.problem.PreconditionFailedException;
import io.touchpoint.ticket.domain.Ticket;
import io.touchpoint.ticket.domain.TicketChange;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Applies a change to a stored ticket with optimistic concurrency: read, change, write if nobody wrote in between,
 * else read again and retry. A caller that names the version it saw ({@code If-Match}) gets 412 instead of a retry.
 * Each stored change is then published in process as a {@link TicketChanged}.
 */
@Component
public class TicketUpdates {

    static final int MAX_ATTEMPTS = 10;

    private final TicketStore store;

    private final ApplicationEventPublisher publisher;

    public TicketUpdates(TicketStore store, ApplicationEventPublisher publisher) {
        this.store = store;
        this.publisher = publisher;
    }

    /** The ticket, or 404 when it does not exist or belongs to another tenant. */
    public Ticket get(String tenantId, String id) {
        return store.find(tenantId, id).orElseThrow(() -> notFound(id));
    }

    /**
     * Applies {@code change} to the ticket and stores the result with its events.
     *
     * @param expectedVersion the version the caller saw, or null to change whatever is stored
     * @return the ticket as stored afterwards
     */
    public Ticket modify(String tenantId, String id, Long expectedVersion, Function<Ticket, TicketChange> change) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Ticket current = get(tenantId, id);
            if (expectedVersion != null && expectedVersion != current.version()) {
                throw stale(id, current.version(), expectedVersion);
            }
            TicketChange changed = change.apply(current);
            if (!changed.changes(current)) {
                return current;
            }
            if (store.update(changed, current.version(), null) == TicketStore.Write.WRITTEN) {
                Ticket stored = changed.ticket().withVersion(current.version() + 1);
                publisher.publishEvent(new TicketChanged(current, stored, changed.events()));
                return stored;
            }
            if (expectedVersion != null) {
                throw new PreconditionFailedException("Ticket " + id + " changed while it was being updated.");
            }
        }
        throw new ConflictException(
                "ticket_busy", "Ticket " + id + " is being changed by others right now; try again.");
    }

    static NotFoundException notFound(String id) {
        return new NotFoundException("ticket_not_found", "No ticket " + id + ".");
    }

    private static PreconditionFailedException stale(String id, long version, long expected) {
        return new PreconditionFailedException(
                "Ticket " + id + " is at version " + version + ", not " + expected + ".");
    }
}
