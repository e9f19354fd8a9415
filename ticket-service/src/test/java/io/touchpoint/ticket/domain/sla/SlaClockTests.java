package io.touchpoint.ticket.domain.sla;

import static io.touchpoint.ticket.domain.sla.BusinessHoursTests.berlin;
import static io.touchpoint.ticket.domain.sla.BusinessHoursTests.hours;
import static io.touchpoint.ticket.domain.sla.BusinessHoursTests.weekdays;
import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.events.Actor;
import io.touchpoint.events.ticket.Priority;
import io.touchpoint.events.ticket.SlaMetric;
import io.touchpoint.ticket.domain.EditTicket;
import io.touchpoint.ticket.domain.Ticket;
import io.touchpoint.ticket.domain.TicketStatus;
import io.touchpoint.ticket.support.Interactions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SlaClockTests {

    private static final Actor AGENT = Actor.agent("agt_jonas");

    /** Monday to Friday, 09:00–17:00 in Berlin. */
    private static final BusinessHours OFFICE = weekdays(hours("09:00", "17:00"));

    private static final Function<String, BusinessHours> CALENDARS = id -> id == null ? BusinessHours.ALWAYS : OFFICE;

    private static final SlaPolicy NORMAL = policy("slp_normal", Priority.NORMAL, Duration.ofHours(4));

    private static final SlaPolicy URGENT = policy("slp_urgent", Priority.URGENT, Duration.ofHours(1));

    /** Monday 10:00 in Berlin. */
    private static final Instant MONDAY_10 = berlin("2026-03-02T10:00");

    @Test
    void aNewTicketsClockCountsItsTargetInBusinessHours() {
        Ticket ticket = newTicket(berlin("2026-03-06T15:00"));

        SlaClock clock = reconcile(SlaMetric.FIRST_RESPONSE, ticket, null, NORMAL, ticket.createdAt());

        assertThat(clock.running()).isTrue();
        assertThat(clock.cycle()).isEqualTo("1");
        assertThat(clock.dueAt()).as("2 h on Friday, 2 h on Monday").isEqualTo(berlin("2026-03-09T11:00"));
        assertThat(clock.warnAt()).as("80 % of 4 h: 3 h 12 min").isEqualTo(berlin("2026-03-09T10:12"));
        assertThat(clock.nextCheckAt()).isEqualTo(clock.warnAt());
    }

    @Test
    void pendingOnTheCustomerPausesTheClockAndResumingMovesTheDeadline() {
        Ticket ticket = newTicket(MONDAY_10);
        SlaClock running = reconcile(SlaMetric.RESOLUTION, ticket, null, NORMAL, MONDAY_10);
        Ticket pending = ticket.moveTo(TicketStatus.PENDING, null, AGENT, MONDAY_10.plus(Duration.ofHours(1)))
                .ticket();

        SlaClock paused =
                reconcile(SlaMetric.RESOLUTION, pending, running, NORMAL, MONDAY_10.plus(Duration.ofHours(1)));

        assertThat(paused.running()).isFalse();
        assertThat(paused.used()).isEqualTo(Duration.ofHours(1));
        assertThat(paused.dueAt()).isNull();
        assertThat(paused.nextCheckAt()).isNull();

        Instant tuesday = berlin("2026-03-03T16:00");
        Ticket open = pending.moveTo(TicketStatus.OPEN, null, AGENT, tuesday).ticket();
        SlaClock resumed = reconcile(SlaMetric.RESOLUTION, open, paused, NORMAL, tuesday);

        assertThat(resumed.running()).isTrue();
        assertThat(resumed.used()).isEqualTo(Duration.ofHours(1));
        assertThat(resumed.dueAt())
                .as("7 of 8 h left: 1 h on Tuesday, 6 h on Wednesday")
                .isEqualTo(berlin("2026-03-04T15:00"));
    }

    @Test
    void theFirstResponseMeetsItsTarget() {
        Ticket ticket = newTicket(MONDAY_10);
        SlaClock running = reconcile(SlaMetric.FIRST_RESPONSE, ticket, null, NORMAL, MONDAY_10);
        Ticket answered =
                ticket.replied(null, AGENT, MONDAY_10.plusSeconds(600)).ticket();

        SlaClock stopped = reconcile(SlaMetric.FIRST_RESPONSE, answered, running, NORMAL, MONDAY_10.plusSeconds(600));

        assertThat(stopped.open()).isFalse();
        assertThat(stopped.stoppedAt()).isEqualTo(MONDAY_10.plusSeconds(600));
        assertThat(stopped.nextCheckAt()).isNull();
        assertThat(SlaClock.reconcile(SlaMetric.FIRST_RESPONSE, answered, null, NORMAL, CALENDARS, MONDAY_10))
                .as("a ticket answered before it had a clock gets none")
                .isEmpty();
    }

    @Test
    void aNewPriorityMovesTheClockToItsPolicyKeepingTheTimeUsed() {
        Ticket ticket = newTicket(MONDAY_10);
        SlaClock normal = reconcile(SlaMetric.FIRST_RESPONSE, ticket, null, NORMAL, MONDAY_10);
        Instant later = MONDAY_10.plus(Duration.ofMinutes(40));
        Ticket urgent = ticket.edit(new EditTicket(null, Priority.URGENT, null, null, null, null), AGENT, later)
                .ticket();

        SlaClock moved = reconcile(SlaMetric.FIRST_RESPONSE, urgent, normal, URGENT, later);

        assertThat(moved.policyId()).isEqualTo("slp_urgent");
        assertThat(moved.used()).isEqualTo(Duration.ofMinutes(40));
        assertThat(moved.dueAt()).isEqualTo(MONDAY_10.plus(Duration.ofHours(1)));
        assertThat(moved.cycle()).isEqualTo(normal.cycle());
    }

    @Test
    void aPriorityWithoutPolicyStopsTheClock() {
        Ticket ticket = newTicket(MONDAY_10);
        SlaClock running = reconcile(SlaMetric.RESOLUTION, ticket, null, NORMAL, MONDAY_10);

        SlaClock stopped = reconcile(SlaMetric.RESOLUTION, ticket, running, null, MONDAY_10.plusSeconds(60));

        assertThat(stopped.open()).isFalse();
    }

    @Test
    void eachReopeningMeasuresTheResolutionAgain() {
        Ticket ticket = newTicket(MONDAY_10);
        SlaClock first = reconcile(SlaMetric.RESOLUTION, ticket, null, NORMAL, MONDAY_10);
        Instant resolvedAt = MONDAY_10.plus(Duration.ofHours(1));
        Ticket resolved =
                ticket.moveTo(TicketStatus.RESOLVED, null, AGENT, resolvedAt).ticket();
        SlaClock met = reconcile(SlaMetric.RESOLUTION, resolved, first, NORMAL, resolvedAt);
        Instant reopenedAt = MONDAY_10.plus(Duration.ofHours(2));
        Ticket reopened =
                resolved.moveTo(TicketStatus.OPEN, null, AGENT, reopenedAt).ticket();

        SlaClock second = reconcile(SlaMetric.RESOLUTION, reopened, met, NORMAL, reopenedAt);

        assertThat(met.open()).isFalse();
        assertThat(second.cycle()).isEqualTo("2");
        assertThat(second.startedAt()).isEqualTo(reopenedAt);
        assertThat(second.used()).isZero();
        assertThat(second.mark(SlaTrigger.BREACH)).isNotEqualTo(first.mark(SlaTrigger.BREACH));
    }

    @Test
    void aCustomerMessageAfterAnAnswerStartsTheNextResponseClock() {
        Ticket ticket = newTicket(MONDAY_10);
        Ticket answered = ticket.replied(TicketStatus.PENDING, AGENT, MONDAY_10.plusSeconds(300))
                .ticket();
        assertThat(SlaClock.reconcile(SlaMetric.NEXT_RESPONSE, answered, null, NORMAL, CALENDARS, MONDAY_10))
                .as("nobody waits for an answer yet")
                .isEmpty();
        Instant asked = MONDAY_10.plus(Duration.ofHours(1));
        Ticket waiting = answered.receive(Interactions.sms("+4915100000001", "and now?", asked), asked)
                .ticket();

        SlaClock next = reconcile(SlaMetric.NEXT_RESPONSE, waiting, null, NORMAL, asked);

        assertThat(next.startedAt()).isEqualTo(asked);
        assertThat(next.running()).as("the message opened the pending ticket").isTrue();
        assertThat(next.dueAt()).isEqualTo(asked.plus(Duration.ofHours(4)));
        assertThat(next.metBy(asked.plusSeconds(1))).isTrue();
        SlaClock met = next.stopped(asked.plusSeconds(60));
        assertThat(SlaClock.reconcile(SlaMetric.NEXT_RESPONSE, waiting, met, NORMAL, CALENDARS, asked.plusSeconds(60)))
                .as("answered: it waits for the next message")
                .contains(met.withRevision(met.revision()));
    }

    @Test
    void warningAndBreachFallDueInOrderAndOnce() {
        Ticket ticket = newTicket(MONDAY_10);
        SlaClock clock = reconcile(SlaMetric.FIRST_RESPONSE, ticket, null, NORMAL, MONDAY_10);

        assertThat(clock.due(MONDAY_10.plus(Duration.ofHours(3)))).isEmpty();
        assertThat(clock.due(MONDAY_10.plus(Duration.ofMinutes(192)))).containsExactly(SlaTrigger.WARNING);
        assertThat(clock.due(MONDAY_10.plus(Duration.ofHours(5))))
                .containsExactly(SlaTrigger.WARNING, SlaTrigger.BREACH);

        SlaClock warned = clock.handled(SlaTrigger.WARNING);
        assertThat(warned.nextCheckAt()).isEqualTo(clock.dueAt());
        SlaClock breached = warned.handled(SlaTrigger.BREACH);
        assertThat(breached.due(MONDAY_10.plus(Duration.ofDays(3)))).isEmpty();
        assertThat(breached.nextCheckAt()).isNull();
    }

    @Test
    void handledTriggersStayHandledWhenTheClockMovesOn() {
        Ticket ticket = newTicket(MONDAY_10);
        SlaClock breached = reconcile(SlaMetric.FIRST_RESPONSE, ticket, null, NORMAL, MONDAY_10)
                .handled(SlaTrigger.WARNING)
                .handled(SlaTrigger.BREACH);
        Instant later = MONDAY_10.plus(Duration.ofHours(5));
        Ticket urgent = ticket.edit(new EditTicket(null, Priority.URGENT, null, null, null, null), AGENT, later)
                .ticket();

        SlaClock moved = reconcile(SlaMetric.FIRST_RESPONSE, urgent, breached, URGENT, later);

        assertThat(moved.breached()).isTrue();
        assertThat(moved.due(later)).isEmpty();
    }

    @Test
    void aClosedTicketHasNoClocks() {
        Ticket ticket = newTicket(MONDAY_10);
        SlaClock running = reconcile(SlaMetric.RESOLUTION, ticket, null, NORMAL, MONDAY_10);
        Ticket closed = ticket.moveTo(TicketStatus.RESOLVED, null, AGENT, MONDAY_10)
                .ticket()
                .moveTo(TicketStatus.CLOSED, null, AGENT, MONDAY_10)
                .ticket();

        assertThat(SlaClock.reconcile(SlaMetric.RESOLUTION, closed, running, NORMAL, CALENDARS, MONDAY_10))
                .isEmpty();
    }

    @Test
    void aClockRemembersTheNewestTicketVersionItFollowed() {
        Ticket ticket = newTicket(MONDAY_10).withVersion(7);

        SlaClock clock = reconcile(SlaMetric.RESOLUTION, ticket, null, NORMAL, MONDAY_10);

        assertThat(clock.ticketVersion()).isEqualTo(7);
        assertThat(reconcile(SlaMetric.RESOLUTION, ticket.withVersion(3), clock, NORMAL, MONDAY_10)
                        .ticketVersion())
                .isEqualTo(7);
    }

    private static SlaClock reconcile(
            SlaMetric metric, Ticket ticket, SlaClock existing, SlaPolicy policy, Instant now) {
        Optional<SlaClock> clock = SlaClock.reconcile(metric, ticket, existing, policy, CALENDARS, now);
        assertThat(clock).as("%s clock", metric).isPresent();
        return clock.get();
    }

    private static Ticket newTicket(Instant at) {
        return Ticket.open("tkt_sla", "acme", Interactions.sms("+4915100000001", "help", at), at)
                .ticket();
    }

    static SlaPolicy policy(String id, Priority priority, Duration target) {
        return new SlaPolicy(
                id,
                "acme",
                priority.name(),
                priority,
                Map.of(
                        SlaMetric.FIRST_RESPONSE, target,
                        SlaMetric.NEXT_RESPONSE, target,
                        SlaMetric.RESOLUTION, target.multipliedBy(2)),
                "cal_office",
                SlaPolicy.DEFAULT_WARNING_PERCENT,
                List.of(),
                1,
                MONDAY_10,
                MONDAY_10);
    }
}
