package io.touchpoint.ticket.domain.feedback;

import io.touchpoint.events.Actor;
import io.touchpoint.events.EventPayload;
import io.touchpoint.events.ticket.TicketEscalated;
import io.touchpoint.events.ticket.TicketReopened;
import io.touchpoint.ticket.domain.Ticket;
import io.touchpoint.ticket.domain.TicketChange;
import io.touchpoint.ticket.domain.TicketStatus;
import io.touchpoint.ticket.domain.sla.Escalation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What a customer's low rating does to the rated ticket, by the tenant's {@link FeedbackSettings}. */
public final class LowRating {

    /** The rule named in the escalations a low rating causes. */
    public static final String RULE_ID = "low_rating";

    private LowRating() {}

    /** Whether the settings make a low rating of {@code ticket} change it at all. */
    public static boolean changes(Ticket ticket, FeedbackSettings settings) {
        return switch (settings.action()) {
            case REOPEN -> ticket.status() == TicketStatus.RESOLVED;
            case ESCALATE -> ticket.status() != TicketStatus.CLOSED;
            case NONE -> false;
        };
    }

    /**
     * The ticket after the customer's low rating: reopened if it was resolved ({@code ticket.reopened}, for negative
     * feedback, by the customer), and with {@link FeedbackSettings.Action#ESCALATE} escalated to {@code level}.
     *
     * @param customer the customer who rated, as the actor of the reopening
     * @param level the escalation level an escalation brings the ticket to
     */
    public static TicketChange respond(
            Ticket ticket, FeedbackSettings settings, Actor customer, int level, Instant now) {
        if (!changes(ticket, settings)) {
            return TicketChange.of(ticket);
        }
        List<EventPayload> events = new ArrayList<>();
        Ticket current = ticket;
        if (ticket.status() == TicketStatus.RESOLVED) {
            TicketChange reopened = ticket.moveTo(TicketStatus.OPEN, null, customer, now);
            current = reopened.ticket();
            reopened.events().stream().map(LowRating::forNegativeFeedback).forEach(events::add);
        }
        if (settings.action() == FeedbackSettings.Action.ESCALATE) {
            TicketChange escalated = new Escalation(
                            settings.escalateTo(),
                            settings.escalateToTeamId(),
                            TicketEscalated.Reason.RULE,
                            RULE_ID,
                            Actor.automation(RULE_ID),
                            "low customer rating")
                    .applyTo(current, level, now);
            current = escalated.ticket();
            events.addAll(escalated.events());
        }
        return new TicketChange(current, events);
    }

    /** The reopening as a rating causes it: the lifecycle names it an agent's, the rating is the customer's. */
    private static EventPayload forNegativeFeedback(EventPayload event) {
        if (event instanceof TicketReopened reopened) {
            return new TicketReopened(
                    reopened.ticketId(),
                    TicketReopened.Reason.NEGATIVE_FEEDBACK,
                    null,
                    reopened.reopenedBy(),
                    reopened.previouslyResolvedAt(),
                    reopened.reopenCount(),
                    reopened.reopenedAt());
        }
        return event;
    }
}
