package io.touchpoint.ticket.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.touchpoint.events.Channel;
import io.touchpoint.events.Handle;
import io.touchpoint.events.MessageContent;
import io.touchpoint.events.interaction.InteractionReceived;
import io.touchpoint.events.interaction.InteractionReceived.ThreadHints;
import io.touchpoint.events.ticket.Priority;
import io.touchpoint.ticket.domain.InvalidFieldException;
import io.touchpoint.ticket.domain.routing.Schedule;
import io.touchpoint.ticket.domain.routing.Triage;
import io.touchpoint.ticket.domain.routing.TriageActions;
import io.touchpoint.ticket.domain.routing.TriageConditions;
import io.touchpoint.ticket.domain.routing.TriageRule;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TriageTests {

    /** A Monday, 10:30 in Berlin. */
    private static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T09:30:00Z");

    @Test
    void rulesApplyInOrderTheFirstPriorityAndTeamWinAndTagsAddUp() {
        List<TriageRule> rules = List.of(
                rule(
                        "trr_billing",
                        words("invoice"),
                        new TriageActions(null, List.of("billing"), "tem_billing", null, false)),
                rule(
                        "trr_urgent",
                        words("asap"),
                        new TriageActions(Priority.URGENT, List.of("urgent"), "tem_other", List.of("de"), false)),
                rule(
                        "trr_all",
                        TriageConditions.ANY,
                        new TriageActions(Priority.LOW, List.of("triaged"), null, null, false)));

        Triage triage = Triage.of(rules, sms("Invoice needed ASAP", MONDAY_MORNING));

        assertThat(triage.ruleIds()).containsExactly("trr_billing", "trr_urgent", "trr_all");
        assertThat(triage.priority()).isEqualTo(Priority.URGENT);
        assertThat(triage.teamId()).isEqualTo("tem_billing");
        assertThat(triage.teamRuleId()).isEqualTo("trr_billing");
        assertThat(triage.tags()).containsExactly("billing", "triaged", "urgent");
        assertThat(triage.skills()).containsExactly("de");
        assertThat(triage.escalates()).isFalse();
        assertThat(Triage.of(rules, sms("Hello", MONDAY_MORNING)).ruleIds()).containsExactly("trr_all");
    }

    @Test
    void wordsMatchWholeWordsInAnyCase() {
        TriageConditions refund = words("refund", "money back");

        assertThat(refund.matches(sms("I want a REFUND.", MONDAY_MORNING))).isTrue();
        assertThat(refund.matches(sms("Give me my money\n back", MONDAY_MORNING)))
                .isTrue();
        assertThat(refund.matches(sms("moneyback now", MONDAY_MORNING))).isFalse();
        assertThat(refund.matches(sms("refunds are slow", MONDAY_MORNING))).isFalse();
    }

    @Test
    void channelsHandlesAndLanguagesNarrowARule() {
        var vip = new TriageConditions(
                Set.of(Channel.SMS), null, null, List.of("+4915100000001"), List.of("de-DE"), null);

        assertThat(vip.matches(sms("+4915100000001", "Hallo", "de-AT", MONDAY_MORNING)))
                .isTrue();
        assertThat(vip.matches(sms("+4915100000002", "Hallo", "de", MONDAY_MORNING)))
                .isFalse();
        assertThat(vip.matches(sms("+4915100000001", "Hello", "en", MONDAY_MORNING)))
                .isFalse();
    }

    @Test
    void aRegularExpressionIsFoundAnywhereAndOneThatBacktracksForeverDoesNotMatch() {
        assertThat(matches("order\\s+#?\\d{5}", "About ORDER #10442 please")).isTrue();
        assertThat(matches("order\\s+#?\\d{5}", "About my order")).isFalse();

        long started = System.nanoTime();
        assertThat(matches("(a+)+$", "a".repeat(40) + "!")).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThatThrownBy(() -> new TriageConditions(null, null, "(unclosed", null, null, null))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("is not a regular expression");
    }

    @Test
    void hoursAreReadInTheirTimeZoneAndMayRunPastMidnight() {
        Set<DayOfWeek> weekdays =
                Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        var office = new Schedule("Europe/Berlin", weekdays, LocalTime.of(9, 0), LocalTime.of(17, 0), false);
        var afterHours = new Schedule("Europe/Berlin", weekdays, LocalTime.of(9, 0), LocalTime.of(17, 0), true);
        var night =
                new Schedule("Europe/Berlin", Set.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0), LocalTime.of(6, 0), false);

        assertThat(office.matches(MONDAY_MORNING)).isTrue();
        assertThat(office.matches(Instant.parse("2026-11-23T16:30:00Z")))
                .as("17:30 in Berlin")
                .isFalse();
        assertThat(office.matches(Instant.parse("2026-11-22T09:30:00Z")))
                .as("Sunday")
                .isFalse();
        assertThat(afterHours.matches(Instant.parse("2026-11-22T09:30:00Z"))).isTrue();
        assertThat(night.matches(Instant.parse("2026-11-27T22:30:00Z")))
                .as("Friday 23:30")
                .isTrue();
        assertThat(night.matches(Instant.parse("2026-11-28T03:00:00Z")))
                .as("Saturday 04:00, Friday's night")
                .isTrue();
        assertThat(night.matches(Instant.parse("2026-11-29T03:00:00Z")))
                .as("Sunday 04:00")
                .isFalse();
        assertThatThrownBy(() -> new Schedule("Mars/Base", null, null, null, false))
                .isInstanceOf(InvalidFieldException.class);
    }

    private static boolean matches(String expression, String text) {
        return new TriageConditions(null, null, expression, null, null, null).matches(sms(text, MONDAY_MORNING));
    }

    private static TriageConditions words(String... words) {
        return new TriageConditions(null, List.of(words), null, null, null, null);
    }

    private static TriageRule rule(String id, TriageConditions when, TriageActions then) {
        return new TriageRule(id, id, when, then);
    }

    private static InteractionReceived sms(String text, Instant at) {
        return sms("+4915100000009", text, null, at);
    }

    private static InteractionReceived sms(String phone, String text, String language, Instant at) {
        return new InteractionReceived(
                "msg_1",
                "con_sms",
                Channel.SMS,
                "SM1",
                Handle.of(Handle.Kind.PHONE, phone),
                new ThreadHints(null, null, null, null),
                MessageContent.text(text),
                language,
                at);
    }
}
