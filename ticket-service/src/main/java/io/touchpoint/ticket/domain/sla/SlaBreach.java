package io.touchpoint.ticket.domain.sla;

import io.touchpoint.events.Actor;
import io.touchpoint.events.EventPayload;
import io.touchpoint.events.ticket.TicketEscalated;
import io.touchpoint.events.ticket.TicketSlaBreached;
import io.touchpoint.ticket.domain.Ticket;
import io.touchpoint.ticket.domain.TicketChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a warning or a breach of an SLA target does to a ticket: a breach is announced as {@code ticket.sla_breached};
 * then every escalation step of the policy that fires on it escalates the ticket one level, in order.
 */
public final class SlaBreach {

    private SlaBreach() {}

    /**
     * The ticket after {@code trigger} of {@code clock}, with the events it causes.
     *
     * @param steps the policy's steps that fire on it
     * @param firstLevel the escalation level the first step brings the ticket to
     */
    public static TicketChange apply(
            Ticket ticket,
            SlaClock clock,
            SlaTrigger trigger,
            List<EscalationStep> steps,
            int firstLevel,
            Instant now) {
        List<EventPayload> events = new ArrayList<>();
        if (trigger == SlaTrigger.BREACH) {
            events.add(new TicketSlaBreached(
                    ticket.id(),
                    clock.policyId(),
                    clock.metric(),
                    ticket.priority(),
                    ticket.assignment().teamId(),
                    ticket.assignment().assigneeId(),
                    clock.dueAt(),
                    now));
        }
        Ticket current = ticket;
        int level = firstLevel;
        for (EscalationStep step : steps) {
            TicketChange escalated = new Escalation(
                            step.raisePriorityTo(),
                            step.teamId(),
                            trigger == SlaTrigger.BREACH
                                    ? TicketEscalated.Reason.SLA_BREACH
                                    : TicketEscalated.Reason.RULE,
                            clock.policyId(),
                            Actor.automation(clock.policyId()),
                            SlaClock.apiName(clock.metric()) + " " + trigger.apiName())
                    .applyTo(current, level++, now);
            current = escalated.ticket();
            events.addAll(escalated.events());
        }
        return new TicketChange(current, events);
    }
}
