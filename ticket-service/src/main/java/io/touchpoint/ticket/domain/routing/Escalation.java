package io.touchpoint.ticket.domain.routing;

import io.touchpoint.events.Actor;
import io.touchpoint.events.EventPayload;
import io.touchpoint.events.ticket.TicketAssigned;
import io.touchpoint.events.ticket.TicketEscalated;
import io.touchpoint.ticket.domain.Assignment;
import io.touchpoint.ticket.domain.Ticket;
import io.touchpoint.ticket.domain.TicketChange;
import io.touchpoint.ticket.domain.knowledge.EscalationReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A ticket raised a level and handed to a team (and an agent of it when one is free), announced as
 * {@code ticket.escalated} and {@code ticket.assigned} in the same write.
 *
 * @param ruleId the rule that escalated, for reason rule
 * @param note one line for the ticket's history: why
 */
public record Escalation(int level, TicketEscalated.Reason reason, String ruleId, Actor actor, String note) {

    /** The bot handing a conversation to a person, for {@code why}. */
    public static Escalation byBot(int level, EscalationReason why, String detail) {
        TicketEscalated.Reason reason =
                switch (why) {
                    case CUSTOMER_ASKED_FOR_PERSON -> TicketEscalated.Reason.CUSTOMER_REQUEST;
                    case NO_CONFIDENT_ANSWER, BOT_DISABLED -> TicketEscalated.Reason.RULE;
                };
        return new Escalation(level, reason, null, RoutingActors.BOT, detail);
    }

    /** A triage rule sending the ticket to a person without the bot. */
    public static Escalation byRule(int level, String ruleId) {
        return new Escalation(
                level, TicketEscalated.Reason.RULE, ruleId, RoutingActors.rule(ruleId), "Triage rule " + ruleId + ".");
    }

    /** The ticket with {@code to} as its assignment, and the events saying so. */
    public TicketChange apply(Ticket ticket, Assignment to, Instant now) {
        TicketChange assigned = ticket.assign(to, TicketAssigned.Reason.ESCALATION, actor, now);
        Ticket after = assigned.ticket();
        List<EventPayload> events = new ArrayList<>(assigned.events());
        events.add(new TicketEscalated(
                ticket.id(),
                level,
                ticket.priority(),
                after.priority(),
                ticket.assignment().teamId(),
                after.assignment().teamId(),
                after.assignment().assigneeId(),
                reason,
                ruleId,
                actor,
                note,
                now));
        return new TicketChange(after, events);
    }
}
