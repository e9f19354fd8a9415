package io.touchpoint.ticket.application.sla;

import io.touchpoint.ticket.domain.sla.SlaClock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The SLA timers: one small document per ticket and metric, with the clock's deadlines and the instant the scheduler
 * has to look at it next. Every write is conditional on the clock's {@code revision}, so concurrent writers never
 * overwrite each other: the loser reads again.
 */
public interface SlaClockStore {

    /** The clocks of a ticket, at most one per metric. */
    List<SlaClock> ofTicket(String tenantId, String ticketId);

    /**
     * Stores {@code clock} if the stored one is still at {@code clock.revision()} (0: none is stored), and returns it
     * at its new revision.
     *
     * @return empty if another write came first
     */
    Optional<SlaClock> save(SlaClock clock);

    /** Removes every clock of the ticket. */
    void deleteAll(String tenantId, String ticketId);

    /**
     * Claims one clock whose next check is due at {@code now} and that nobody holds a lease on: one atomic
     * {@code findAndModify} that leases it to {@code owner} until {@code leaseUntil}. Of several replicas claiming at
     * once, each gets a different clock or none.
     */
    Optional<SlaClock> claimDue(Instant now, String owner, Instant leaseUntil);

    /** Gives up {@code owner}'s lease on the clock, if it still holds it. */
    void release(SlaClock clock, String owner);
}
