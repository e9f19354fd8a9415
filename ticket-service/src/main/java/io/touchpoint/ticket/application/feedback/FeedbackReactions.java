package io.touchpoint.ticket.application.feedback;

import io.micrometer.core.instrument.MeterRegistry;
import io.touchpoint.events.Actor;
import io.touchpoint.events.feedback.FeedbackSubmitted;
import io.touchpoint.ticket.application.TicketStore;
import io.touchpoint.ticket.application.sla.EscalationLevels;
import io.touchpoint.ticket.domain.Ticket;
import io.touchpoint.ticket.domain.TicketChange;
import io.touchpoint.ticket.domain.feedback.FeedbackSettings;
import io.touchpoint.ticket.domain.feedback.LowRating;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Reacts to a customer's rating of a ticket: a low one (by the tenant's {@link FeedbackSettings}) reopens the resolved
 * ticket or escalates it. Once per event: the ticket's update is conditional on the event not having been applied to
 * it, and records it in the same write.
 */
@Service
public class FeedbackReactions {

    static final int MAX_ATTEMPTS = 10;

    private static final Logger log = LoggerFactory.getLogger(FeedbackReactions.class);

    private final TicketStore tickets;

    private final FeedbackSettingsManagement settings;

    private final EscalationLevels levels;

    private final Clock clock;

    private final MeterRegistry meters;

    public FeedbackReactions(
            TicketStore tickets,
            FeedbackSettingsManagement settings,
            EscalationLevels levels,
            Clock clock,
            MeterRegistry meters) {
        this.tickets = tickets;
        this.settings = settings;
        this.levels = levels;
        this.clock = clock;
        this.meters = meters;
    }

    /** Applies the rating {@code feedback}, delivered as event {@code eventId}, to the ticket it rates. */
    public Outcome submitted(String tenantId, String eventId, FeedbackSubmitted feedback) {
        Outcome outcome = apply(tenantId, eventId, feedback);
        meters.counter("touchpoint.ticket.feedback.ratings", "outcome", outcome.tag())
                .increment();
        return outcome;
    }

    private Outcome apply(String tenantId, String eventId, FeedbackSubmitted feedback) {
        if (feedback.ticketId() == null) {
            return Outcome.NO_TICKET;
        }
        FeedbackSettings rule = settings.get(tenantId);
        if (!rule.isLow(feedback.kind(), feedback.score())) {
            return Outcome.NOT_LOW;
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Ticket> found = tickets.find(tenantId, feedback.ticketId());
            if (found.isEmpty()) {
                log.warn(
                        "feedback {} rates ticket {}, which tenant {} does not have",
                        eventId,
                        feedback.ticketId(),
                        tenantId);
                return Outcome.NO_TICKET;
            }
            Ticket ticket = found.get();
            if (!LowRating.changes(ticket, rule)) {
                return Outcome.UNCHANGED;
            }
            int level = rule.action() == FeedbackSettings.Action.ESCALATE
                    ? levels.reserve(tenantId, ticket.id(), eventId, 1)
                    : 1;
            TicketChange change = LowRating.respond(ticket, rule, customer(feedback, ticket), level, clock.instant());
            switch (tickets.update(change, ticket.version(), eventId)) {
                case WRITTEN -> {
                    log.info(
                            "low {} rating {} of ticket {} ({}) for tenant {}",
                            feedback.kind().name().toLowerCase(Locale.ROOT),
                            feedback.score(),
                            ticket.id(),
                            rule.action().apiName(),
                            tenantId);
                    return Outcome.APPLIED;
                }
                case ALREADY_APPLIED -> {
                    return Outcome.DUPLICATE;
                }
                case CONFLICT -> {
                    // changed meanwhile: read it again
                }
            }
        }
        throw new IllegalStateException(
                "ticket " + feedback.ticketId() + " changed too fast to apply feedback " + eventId);
    }

    /** The customer as the actor of the reopening: the contract wants an id, the profile when known, else the handle. */
    private static Actor customer(FeedbackSubmitted feedback, Ticket ticket) {
        String id = feedback.profileId() != null
                ? feedback.profileId()
                : ticket.requester().profileId() != null
                        ? ticket.requester().profileId()
                        : ticket.requester().handle().value();
        return new Actor(Actor.Kind.CUSTOMER, id, ticket.requester().handle().displayName());
    }

    /** What a rating did. */
    public enum Outcome {
        /** It reopened or escalated the ticket. */
        APPLIED,
        /** It did so before: a redelivery. */
        DUPLICATE,
        /** It was not low. */
        NOT_LOW,
        /** It was low, but the ticket is in no state the rule changes (still open, closed, or the rule does nothing). */
        UNCHANGED,
        /** It rates no ticket of the tenant. */
        NO_TICKET;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
