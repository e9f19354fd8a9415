package io.touchpoint.ticket.application.sla;

import io.micrometer.core.instrument.MeterRegistry;
import io.touchpoint.ticket.application.TicketStore;
import io.touchpoint.ticket.domain.InvalidTransitionException;
import io.touchpoint.ticket.domain.Ticket;
import io.touchpoint.ticket.domain.TicketChange;
import io.touchpoint.ticket.domain.sla.EscalationStep;
import io.touchpoint.ticket.domain.sla.SlaBreach;
import io.touchpoint.ticket.domain.sla.SlaClock;
import io.touchpoint.ticket.domain.sla.SlaTrigger;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Acts on an SLA clock whose warning or deadline has come: publishes {@code ticket.sla_breached} for a breach and
 * applies the policy's escalation steps ({@code ticket.escalated}, higher priority, another team).
 *
 * <p>Exactly once, whatever the number of replicas: the effects of a trigger are one conditional update of the ticket
 * that writes the changed fields, appends the events to the ticket's outbox and records the trigger's
 * {@link SlaClock#mark mark}, all only if the ticket does not carry that mark yet (and is still at the version read).
 * A second replica handling the same trigger (its lease expired meanwhile, or a retry after a crash) matches nothing
 * and only notes the clock as handled. The clock is reconciled with the ticket as stored before anything is done, so a
 * met, paused or re-planned target is never breached.
 */
@Service
public class SlaEnforcement {

    static final int MAX_ATTEMPTS = 10;

    private static final Logger log = LoggerFactory.getLogger(SlaEnforcement.class);

    private final TicketStore tickets;

    private final SlaClocks clocks;

    private final SlaPolicyStore policies;

    private final EscalationLevels levels;

    private final Clock clock;

    private final MeterRegistry meters;

    public SlaEnforcement(
            TicketStore tickets,
            SlaClocks clocks,
            SlaPolicyStore policies,
            EscalationLevels levels,
            Clock clock,
            MeterRegistry meters) {
        this.tickets = tickets;
        this.clocks = clocks;
        this.policies = policies;
        this.levels = levels;
        this.clock = clock;
        this.meters = meters;
    }

    /** Handles what is due on the clock {@code claimed} names (its ticket and metric), as of now. */
    public void enforce(SlaClock claimed) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Ticket> ticket = tickets.find(claimed.tenantId(), claimed.ticketId());
            if (ticket.isEmpty()) {
                log.warn("SLA clock {} names a ticket that does not exist; dropping it", claimed.id());
                clocks.forget(claimed.tenantId(), claimed.ticketId());
                return;
            }
            Optional<SlaClock> current = clocks.reconcile(ticket.get()).stream()
                    .filter(clock -> clock.metric() == claimed.metric())
                    .findFirst();
            Instant now = clock.instant();
            List<SlaTrigger> due = current.map(clock -> clock.due(now)).orElse(List.of());
            if (due.isEmpty()) {
                return;
            }
            SlaTrigger trigger = due.get(0);
            if (apply(ticket.get(), current.get(), trigger, now)) {
                clocks.handled(current.get(), trigger);
            }
        }
        throw new IllegalStateException("ticket " + claimed.ticketId() + " changed too fast to enforce its SLA");
    }

    /**
     * Writes the effects of {@code trigger} on the ticket, once.
     *
     * @return true when they are stored (now or before); false when the ticket changed meanwhile and it starts over
     */
    private boolean apply(Ticket ticket, SlaClock clock, SlaTrigger trigger, Instant now) {
        List<EscalationStep> steps = policies.find(clock.tenantId(), clock.policyId())
                .map(policy -> policy.stepsOn(trigger, clock.metric()))
                .orElse(List.of());
        if (trigger == SlaTrigger.WARNING && steps.isEmpty()) {
            return true; // nothing to do, nothing to announce: the contract has no warning event
        }
        int firstLevel = steps.isEmpty()
                ? 1
                : levels.reserve(clock.tenantId(), clock.ticketId(), clock.mark(trigger), steps.size());
        TicketChange change;
        try {
            change = SlaBreach.apply(ticket, clock, trigger, steps, firstLevel, now);
        } catch (InvalidTransitionException closed) {
            return true; // closed meanwhile: its clocks go with the next reconciliation
        }
        TicketStore.Write write = tickets.update(change, ticket.version(), clock.mark(trigger));
        if (write == TicketStore.Write.CONFLICT) {
            return false;
        }
        if (write == TicketStore.Write.WRITTEN) {
            meters.counter(
                            "touchpoint.ticket.sla." + (trigger == SlaTrigger.BREACH ? "breaches" : "warnings"),
                            "metric",
                            SlaClock.apiName(clock.metric()))
                    .increment();
            log.info(
                    "SLA {} of {} on ticket {} (due {}) handled with {} escalation step(s) for tenant {}",
                    trigger.apiName(),
                    SlaClock.apiName(clock.metric()),
                    ticket.id(),
                    clock.dueAt(),
                    steps.size(),
                    ticket.tenantId());
        }
        return true;
    }
}
