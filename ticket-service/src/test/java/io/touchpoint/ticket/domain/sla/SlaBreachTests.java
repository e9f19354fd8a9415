package io.touchpoint.ticket.domain.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.touchpoint.events.Actor;
import io.touchpoint.events.ticket.Priority;
import io.touchpoint.events.ticket.SlaMetric;
import io.touchpoint.events.ticket.TicketAssigned;
import io.touchpoint.events.ticket.TicketEscalated;
import io.touchpoint.events.ticket.TicketSlaBreached;
import io.touchpoint.ticket.domain.Assignment;
import io.touchpoint.ticket.domain.EditTicket;
import io.touchpoint.ticket.domain.InvalidTransitionException;
import io.touchpoint.ticket.domain.Patch;
import io.touchpoint.ticket.domain.Ticket;
import io.touchpoint.ticket.domain.TicketChange;
import io.touchpoint.ticket.domain.TicketStatus;
import io.touchpoint.ticket.support.Interactions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlaBreachTests {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private static final Instant DUE = T0.plus(Duration.ofHours(2));

    @Test
    void aBreachIsAnnouncedWithTheTicketAsItWas() {
        Ticket ticket = assignedTo("team_tier1", "agt_ana");

        TicketChange breached = SlaBreach.apply(ticket, clock(), SlaTrigger.BREACH, List.of(), 1, DUE);

        assertThat(breached.ticket()).isEqualTo(ticket);
        assertThat(breached.events())
                .singleElement()
                .isEqualTo(new TicketSlaBreached(
                        ticket.id(),
                        "slp_normal",
                        SlaMetric.FIRST_RESPONSE,
                        Priority.NORMAL,
                        "team_tier1",
                        "agt_ana",
                        DUE,
                        DUE));
    }

    @Test
    void eachStepEscalatesOneLevelRaisingThePriorityAndMovingToTheTeam() {
        Ticket ticket = assignedTo("team_tier1", "agt_ana");
        List<EscalationStep> steps = List.of(
                new EscalationStep(SlaTrigger.BREACH, null, Priority.HIGH, null),
                new EscalationStep(SlaTrigger.BREACH, SlaMetric.FIRST_RESPONSE, Priority.URGENT, "team_tier2"));

        TicketChange escalated = SlaBreach.apply(ticket, clock(), SlaTrigger.BREACH, steps, 3, DUE);

        assertThat(escalated.ticket().priority()).isEqualTo(Priority.URGENT);
        assertThat(escalated.ticket().assignment()).isEqualTo(new Assignment("team_tier2", null));
        assertThat(escalated.events())
                .map(Object::getClass)
                .map(Class::getSimpleName)
                .containsExactly("TicketSlaBreached", "TicketEscalated", "TicketAssigned", "TicketEscalated");
        TicketEscalated first = (TicketEscalated) escalated.events().get(1);
        assertThat(first.level()).isEqualTo(3);
        assertThat(first.previousPriority()).isEqualTo(Priority.NORMAL);
        assertThat(first.priority()).isEqualTo(Priority.HIGH);
        assertThat(first.reason()).isEqualTo(TicketEscalated.Reason.SLA_BREACH);
        assertThat(first.ruleId()).isEqualTo("slp_normal");
        assertThat(first.escalatedBy()).isEqualTo(Actor.automation("slp_normal"));
        TicketAssigned moved = (TicketAssigned) escalated.events().get(2);
        assertThat(moved.reason()).isEqualTo(TicketAssigned.Reason.ESCALATION);
        assertThat(moved.previousTeamId()).isEqualTo("team_tier1");
        TicketEscalated second = (TicketEscalated) escalated.events().get(3);
        assertThat(second.level()).isEqualTo(4);
        assertThat(second.previousTeamId()).isEqualTo("team_tier1");
        assertThat(second.teamId()).isEqualTo("team_tier2");
        assertThat(second.assigneeId()).isNull();
    }

    @Test
    void aWarningEscalatesByRuleWithoutABreach() {
        Ticket ticket = assignedTo("team_tier1", null);

        TicketChange warned = SlaBreach.apply(
                ticket,
                clock(),
                SlaTrigger.WARNING,
                List.of(new EscalationStep(SlaTrigger.WARNING, null, null, null)),
                1,
                DUE);

        assertThat(warned.ticket()).as("a step that only notifies").isEqualTo(ticket);
        assertThat(warned.events()).singleElement().isInstanceOfSatisfying(TicketEscalated.class, escalated -> {
            assertThat(escalated.reason()).isEqualTo(TicketEscalated.Reason.RULE);
            assertThat(escalated.priority()).isEqualTo(Priority.NORMAL);
        });
    }

    @Test
    void anEscalationNeverLowersThePriority() {
        Ticket urgent = Ticket.open("tkt_x", "acme", Interactions.sms("+49151", "help", T0), T0)
                .ticket()
                .edit(new EditTicket(null, Priority.URGENT, null, null, null, null), Actor.agent("agt"), T0)
                .ticket();

        TicketChange escalated = new Escalation(
                        Priority.HIGH, null, TicketEscalated.Reason.MANUAL, null, Actor.agent("agt"), null)
                .applyTo(urgent, 1, DUE);

        assertThat(escalated.ticket().priority()).isEqualTo(Priority.URGENT);
    }

    @Test
    void aClosedTicketIsNotEscalated() {
        Ticket closed = assignedTo(null, null)
                .moveTo(TicketStatus.RESOLVED, null, Actor.system(), T0)
                .ticket()
                .moveTo(TicketStatus.CLOSED, null, Actor.system(), T0)
                .ticket();

        assertThatThrownBy(() -> SlaBreach.apply(
                        closed,
                        clock(),
                        SlaTrigger.BREACH,
                        List.of(new EscalationStep(SlaTrigger.BREACH, null, Priority.HIGH, null)),
                        1,
                        DUE))
                .isInstanceOf(InvalidTransitionException.class);
    }

    private static Ticket assignedTo(String team, String agent) {
        Ticket ticket = Ticket.open("tkt_x", "acme", Interactions.sms("+49151", "help", T0), T0)
                .ticket();
        if (team == null) {
            return ticket;
        }
        return ticket.edit(
                        new EditTicket(null, null, null, null, Patch.to(team), agent != null ? Patch.to(agent) : null),
                        Actor.agent("agt_lead"),
                        T0)
                .ticket();
    }

    private static SlaClock clock() {
        return new SlaClock(
                "acme",
                "tkt_x",
                SlaMetric.FIRST_RESPONSE,
                "1",
                T0,
                "slp_normal",
                null,
                Duration.ofHours(2),
                80,
                Duration.ZERO,
                T0,
                DUE,
                T0.plus(Duration.ofMinutes(96)),
                true,
                false,
                null,
                0,
                1);
    }
}
