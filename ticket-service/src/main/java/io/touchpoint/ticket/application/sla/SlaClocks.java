package io.touchpoint.ticket.application.sla;

import io.touchpoint.events.ticket.SlaMetric;
import io.touchpoint.ticket.application.TicketReplied;
import io.touchpoint.ticket.application.TicketWritten;
import io.touchpoint.ticket.domain.Ticket;
import io.touchpoint.ticket.domain.TicketStatus;
import io.touchpoint.ticket.domain.sla.BusinessHours;
import io.touchpoint.ticket.domain.sla.SlaClock;
import io.touchpoint.ticket.domain.sla.SlaPolicy;
import io.touchpoint.ticket.domain.sla.SlaTrigger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Keeps each ticket's SLA clocks in line with the ticket: after every stored change of a ticket its clocks start,
 * pause, resume, move to the policy of a new priority, or stop ({@link SlaClock#reconcile}). A clock remembers the
 * ticket version it reflects and ignores an older one, so that two changes of one ticket reconciled out of order leave
 * the clocks of the newer.
 *
 * <p>Clocks are written after the ticket, in a second write: should that one be lost (the process dies in between),
 * the clocks lag until the ticket's next change. The scheduler never acts on a clock alone: it reconciles the clock
 * with the ticket as stored first, so a stale clock can cost a wasted look, never a wrong breach.
 */
@Service
public class SlaClocks {

    static final int MAX_ATTEMPTS = 10;

    private static final Logger log = LoggerFactory.getLogger(SlaClocks.class);

    private final SlaClockStore store;

    private final SlaPolicies policies;

    private final BusinessCalendars calendars;

    private final Clock clock;

    public SlaClocks(SlaClockStore store, SlaPolicies policies, BusinessCalendars calendars, Clock clock) {
        this.store = store;
        this.policies = policies;
        this.calendars = calendars;
        this.clock = clock;
    }

    @EventListener
    public void ticketWritten(TicketWritten written) {
        Ticket ticket = written.ticket();
        try {
            if (ticket.version() == 0
                    && policies.forPriority(ticket.tenantId(), ticket.priority())
                            .isEmpty()) {
                return; // just opened, so it has no clocks, and no policy starts any: nothing to read or write
            }
            reconcile(ticket);
        } catch (RuntimeException e) {
            log.warn(
                    "SLA clocks of ticket {} for tenant {} not brought to version {}: {}",
                    ticket.id(),
                    ticket.tenantId(),
                    ticket.version(),
                    e.toString());
        }
    }

    @EventListener
    public void ticketReplied(TicketReplied replied) {
        try {
            answered(replied.tenantId(), replied.ticketId(), replied.repliedAt());
        } catch (RuntimeException e) {
            log.warn(
                    "next-response clock of ticket {} for tenant {} not stopped: {}",
                    replied.ticketId(),
                    replied.tenantId(),
                    e.toString());
        }
    }

    /** The ticket's clocks, at most one per metric. */
    public List<SlaClock> of(String tenantId, String ticketId) {
        return store.ofTicket(tenantId, ticketId);
    }

    /** The business hours the clocks of {@code tenantId} count in, by calendar id. */
    public Function<String, BusinessHours> hoursOf(String tenantId) {
        return calendarId -> calendars.hours(tenantId, calendarId);
    }

    /**
     * Brings the clocks of {@code ticket} in line with it, and returns them; a closed ticket's clocks are removed.
     */
    public List<SlaClock> reconcile(Ticket ticket) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            List<SlaClock> stored = store.ofTicket(ticket.tenantId(), ticket.id());
            if (ticket.status() == TicketStatus.CLOSED) {
                if (!stored.isEmpty()) {
                    store.deleteAll(ticket.tenantId(), ticket.id());
                }
                return List.of();
            }
            Optional<List<SlaClock>> reconciled = reconcile(ticket, stored);
            if (reconciled.isPresent()) {
                return reconciled.get();
            }
        }
        throw new IllegalStateException("the SLA clocks of ticket " + ticket.id() + " change too fast to reconcile");
    }

    /** Removes the clocks of a ticket that is gone. */
    public void forget(String tenantId, String ticketId) {
        store.deleteAll(tenantId, ticketId);
    }

    /** A public reply at {@code at} answers the customer: the running next-response clock is met. */
    public void answered(String tenantId, String ticketId, Instant at) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<SlaClock> waiting = find(store.ofTicket(tenantId, ticketId), SlaMetric.NEXT_RESPONSE);
            if (waiting.isEmpty() || !waiting.get().metBy(at)) {
                return;
            }
            if (store.save(waiting.get().stopped(at)).isPresent()) {
                return;
            }
        }
    }

    /** Records on the clock that {@code trigger} of its cycle was handled, unless the clock moved on to another cycle. */
    public void handled(SlaClock clock, SlaTrigger trigger) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<SlaClock> current = find(store.ofTicket(clock.tenantId(), clock.ticketId()), clock.metric());
            if (current.isEmpty() || !current.get().cycle().equals(clock.cycle())) {
                return;
            }
            if (store.save(current.get().handled(trigger)).isPresent()) {
                return;
            }
        }
        throw new IllegalStateException("the SLA clock " + clock.id() + " changes too fast to record its " + trigger);
    }

    /** The reconciled clocks, or empty when a concurrent write came first and it has to start over. */
    private Optional<List<SlaClock>> reconcile(Ticket ticket, List<SlaClock> stored) {
        SlaPolicy policy =
                policies.forPriority(ticket.tenantId(), ticket.priority()).orElse(null);
        if (policy == null && stored.isEmpty()) {
            return Optional.of(List.of());
        }
        Instant now = clock.instant();
        List<SlaClock> clocks = new ArrayList<>(3);
        for (SlaMetric metric : SlaMetric.values()) {
            SlaClock existing = find(stored, metric).orElse(null);
            if (existing != null && existing.ticketVersion() > ticket.version()) {
                clocks.add(existing); // brought in line with a newer version of the ticket already
                continue;
            }
            Optional<SlaClock> next =
                    SlaClock.reconcile(metric, ticket, existing, policy, hoursOf(ticket.tenantId()), now);
            if (next.isEmpty()) {
                continue;
            }
            if (next.get().equals(existing)) {
                clocks.add(existing);
                continue;
            }
            Optional<SlaClock> saved = store.save(next.get());
            if (saved.isEmpty()) {
                return Optional.empty();
            }
            clocks.add(saved.get());
        }
        return Optional.of(clocks);
    }

    private static Optional<SlaClock> find(List<SlaClock> clocks, SlaMetric metric) {
        return clocks.stream().filter(clock -> clock.metric() == metric).findFirst();
    }
}
