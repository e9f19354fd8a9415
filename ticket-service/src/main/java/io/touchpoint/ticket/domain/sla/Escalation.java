package io.touchpoint.ticket.domain.sla;

import io.touchpoint.events.Actor;
import io.touchpoint.events.EventPayload;
import io.touchpoint.events.ticket.Priority;
import io.touchpoint.events.ticket.TicketAssigned;
import io.touchpoint.events.ticket.TicketEscalated;
import io.touchpoint.ticket.domain.Assignment;
import io.touchpoint.ticket.domain.EditTicket;
import io.touchpoint.ticket.domain.Patch;
import io.touchpoint.ticket.domain.Ticket;
import io.touchpoint.ticket.domain.TicketChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Raising a ticket a level: its priority goes up to {@code raisePriorityTo} (never down), it moves to {@code teamId}'s
 * queue, and {@code ticket.escalated} announces it; a move to another team is also announced as
 * {@code ticket.assigned} with the reason {@code escalation}.
 *
 * @param raisePriorityTo the lowest priority the ticket has afterwards; null to keep it
 * @param teamId the team it moves to, unassigned; null to keep it where it is
 * @param ruleId the policy or rule that escalates, when {@code reason} is a rule or an SLA breach
 * @param note why, in words, if there is more to say
 */
public record Escalation(
        Priority raisePriorityTo,
        String teamId,
        TicketEscalated.Reason reason,
        String ruleId,
        Actor escalatedBy,
        String note) {

    public Escalation {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(escalatedBy, "escalatedBy");
    }

    /**
     * The ticket escalated to {@code level}, with the events that announce it.
     *
     * @throws io.touchpoint.ticket.domain.InvalidTransitionException if the ticket is closed
     */
    public TicketChange applyTo(Ticket ticket, int level, Instant now) {
        if (level < 1) {
            throw new IllegalArgumentException("escalation levels start at 1, not " + level);
        }
        Priority priority =
                raisePriorityTo != null && raisePriorityTo.compareTo(ticket.priority()) > 0 ? raisePriorityTo : null;
        boolean moves = teamId != null && !teamId.equals(ticket.assignment().teamId());
        TicketChange edited = ticket.edit(
                new EditTicket(
                        null, priority, null, null, moves ? Patch.to(teamId) : null, moves ? Patch.clear() : null),
                escalatedBy,
                now);
        Ticket escalated = edited.ticket();
        List<EventPayload> events = new ArrayList<>();
        for (EventPayload event : edited.events()) {
            events.add(event instanceof TicketAssigned assigned ? byEscalation(assigned) : event);
        }
        Assignment before = ticket.assignment();
        events.add(new TicketEscalated(
                ticket.id(),
                level,
                ticket.priority(),
                escalated.priority(),
                before.teamId(),
                escalated.assignment().teamId(),
                escalated.assignment().assigneeId(),
                reason,
                ruleId,
                escalatedBy,
                note,
                now));
        return new TicketChange(escalated, events);
    }

    private static TicketAssigned byEscalation(TicketAssigned assigned) {
        return new TicketAssigned(
                assigned.ticketId(),
                assigned.teamId(),
                assigned.assigneeId(),
                assigned.previousTeamId(),
                assigned.previousAssigneeId(),
                TicketAssigned.Reason.ESCALATION,
                assigned.assignedBy(),
                assigned.assignedAt());
    }
}
