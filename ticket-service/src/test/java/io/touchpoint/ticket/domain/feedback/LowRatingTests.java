package io.touchpoint.ticket.domain.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.touchpoint.events.Actor;
import io.touchpoint.events.survey.SurveyKind;
import io.touchpoint.events.ticket.Priority;
import io.touchpoint.events.ticket.TicketEscalated;
import io.touchpoint.events.ticket.TicketReopened;
import io.touchpoint.ticket.domain.InvalidFieldException;
import io.touchpoint.ticket.domain.Ticket;
import io.touchpoint.ticket.domain.TicketChange;
import io.touchpoint.ticket.domain.TicketStatus;
import io.touchpoint.ticket.support.Interactions;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LowRatingTests {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private static final Actor CUSTOMER = new Actor(Actor.Kind.CUSTOMER, "prf_maria", "Maria");

    @Test
    void theDefaultsCallCsatTwoNpsSixAndCesTwoLow() {
        FeedbackSettings defaults = FeedbackSettings.defaults("acme");

        assertThat(defaults.isLow(SurveyKind.CSAT, 2)).isTrue();
        assertThat(defaults.isLow(SurveyKind.CSAT, 3)).isFalse();
        assertThat(defaults.isLow(SurveyKind.NPS, 6)).isTrue();
        assertThat(defaults.isLow(SurveyKind.NPS, 7)).isFalse();
        assertThat(defaults.isLow(SurveyKind.CES, 2)).isTrue();
        assertThat(defaults.isLow(SurveyKind.CES, 3)).isFalse();
        assertThat(defaults.action()).isEqualTo(FeedbackSettings.Action.REOPEN);
    }

    @Test
    void thresholdsStayOnTheirScales() {
        assertThatThrownBy(() ->
                        new FeedbackSettings("acme", 6, 6, 2, FeedbackSettings.Action.REOPEN, null, null, 1, T0, T0))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("must be 0 (no score is low) to 5 on the csat scale");
        assertThat(new FeedbackSettings("acme", 0, -1, 0, FeedbackSettings.Action.REOPEN, null, null, 1, T0, T0)
                        .isLow(SurveyKind.NPS, 0))
                .isFalse();
    }

    @Test
    void aLowRatingReopensTheResolvedTicketForTheCustomer() {
        Ticket resolved = resolved();

        TicketChange reopened = LowRating.respond(resolved, FeedbackSettings.defaults("acme"), CUSTOMER, 1, T0);

        assertThat(reopened.ticket().status()).isEqualTo(TicketStatus.OPEN);
        assertThat(reopened.events()).singleElement().isInstanceOfSatisfying(TicketReopened.class, event -> {
            assertThat(event.reason()).isEqualTo(TicketReopened.Reason.NEGATIVE_FEEDBACK);
            assertThat(event.reopenedBy()).isEqualTo(CUSTOMER);
            assertThat(event.reopenCount()).isEqualTo(1);
            assertThat(event.interactionId()).isNull();
        });
    }

    @Test
    void aTicketStillBeingWorkedOnIsLeftAsItIs() {
        Ticket open = Ticket.open("tkt_x", "acme", Interactions.sms("+49151", "help", T0), T0)
                .ticket();

        assertThat(LowRating.changes(open, FeedbackSettings.defaults("acme"))).isFalse();
        assertThat(LowRating.respond(open, FeedbackSettings.defaults("acme"), CUSTOMER, 1, T0)
                        .events())
                .isEmpty();
    }

    @Test
    void escalatingReopensAndRaisesTheTicket() {
        var escalate = new FeedbackSettings(
                "acme", 2, 6, 2, FeedbackSettings.Action.ESCALATE, Priority.URGENT, "team_care", 1, T0, T0);

        TicketChange escalated = LowRating.respond(resolved(), escalate, CUSTOMER, 2, T0);

        assertThat(escalated.ticket().status()).isEqualTo(TicketStatus.OPEN);
        assertThat(escalated.ticket().priority()).isEqualTo(Priority.URGENT);
        assertThat(escalated.ticket().assignment().teamId()).isEqualTo("team_care");
        assertThat(escalated.events())
                .map(Object::getClass)
                .map(Class::getSimpleName)
                .containsExactly("TicketReopened", "TicketAssigned", "TicketEscalated");
        TicketEscalated event = (TicketEscalated) escalated.events().get(2);
        assertThat(event.level()).isEqualTo(2);
        assertThat(event.reason()).isEqualTo(TicketEscalated.Reason.RULE);
        assertThat(event.ruleId()).isEqualTo(LowRating.RULE_ID);
    }

    private static Ticket resolved() {
        return Ticket.open("tkt_x", "acme", Interactions.sms("+49151", "help", T0), T0)
                .ticket()
                .moveTo(TicketStatus.RESOLVED, null, Actor.agent("agt"), T0)
                .ticket();
    }
}
