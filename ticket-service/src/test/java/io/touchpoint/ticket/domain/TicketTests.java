package io.touchpoint.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.touchpoint.events.Actor;
import io.touchpoint.events.MessageContent;
import io.touchpoint.events.interaction.InteractionReceived;
import io.touchpoint.events.reply.ReplyRequested;
import io.touchpoint.events.ticket.Priority;
import io.touchpoint.events.ticket.TicketAssigned;
import io.touchpoint.events.ticket.TicketCreated;
import io.touchpoint.events.ticket.TicketReopened;
import io.touchpoint.events.ticket.TicketResolved;
import io.touchpoint.ticket.support.Interactions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TicketTests {

    private static final Instant T0 = Instant.parse("2026-11-22T14:00:00Z");

    private static final Actor AGENT = Actor.agent("agt_jonas");

    @Test
    void aCustomerMessageOpensANewTicketAndAnnouncesIt() {
        InteractionReceived first = Interactions.chat("cnv_chat1", "visitor-1", "My parcel is damaged");

        TicketChange opened = Ticket.open("tkt_a", "acme", first, T0);

        Ticket ticket = opened.ticket();
        assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);
        assertThat(ticket.priority()).isEqualTo(Priority.NORMAL);
        assertThat(ticket.conversationId()).isEqualTo("cnv_chat1");
        assertThat(ticket.title()).isEqualTo("My parcel is damaged");
        assertThat(opened.events()).singleElement().isInstanceOfSatisfying(TicketCreated.class, created -> {
            assertThat(created.ticketId()).isEqualTo("tkt_a");
            assertThat(created.interactionId()).isEqualTo(first.interactionId());
            assertThat(created.requester()).isEqualTo(first.customer());
            assertThat(created.connectionId()).isEqualTo("con_webchat");
        });
    }

    @Test
    void aTicketOpenedWithoutAChannelConversationGetsOneDerivedFromItsId() {
        Ticket ticket = Ticket.open("tkt_01abc", "acme", Interactions.sms("+4915112345678", "hi"), T0)
                .ticket();

        assertThat(ticket.conversationId()).isEqualTo("cnv_01abc");
    }

    @Test
    void agentsMoveATicketThroughItsLife() {
        Ticket ticket = newTicket();

        ticket = ticket.moveTo(TicketStatus.OPEN, null, AGENT, T0).ticket();
        ticket = ticket.moveTo(TicketStatus.PENDING, null, AGENT, T0).ticket();
        ticket = ticket.moveTo(TicketStatus.ON_HOLD, null, AGENT, T0).ticket();
        TicketChange resolved = ticket.moveTo(TicketStatus.RESOLVED, null, AGENT, T0.plusSeconds(3600));
        TicketChange closed = resolved.ticket().moveTo(TicketStatus.CLOSED, null, AGENT, T0);

        assertThat(resolved.events()).singleElement().isInstanceOfSatisfying(TicketResolved.class, event -> {
            assertThat(event.resolution()).isEqualTo(TicketResolved.Resolution.SOLVED);
            assertThat(event.resolutionSeconds()).isEqualTo(3600);
            assertThat(event.resolvedBy()).isEqualTo(AGENT);
            assertThat(event.firstResponseSeconds()).isNull();
        });
        assertThat(closed.ticket().status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed.events()).isEmpty();
    }

    @Test
    void aClosedTicketDoesNotChangeAnyMore() {
        Ticket closed = newTicket()
                .moveTo(TicketStatus.RESOLVED, null, AGENT, T0)
                .ticket()
                .moveTo(TicketStatus.CLOSED, null, AGENT, T0)
                .ticket();

        for (TicketStatus target : List.of(TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.RESOLVED)) {
            assertThatThrownBy(() -> closed.moveTo(target, null, AGENT, T0))
                    .isInstanceOf(InvalidTransitionException.class)
                    .hasMessageContaining("closed");
        }
        assertThatThrownBy(() -> closed.reply("rpl_1", MessageContent.text("hi"), AGENT, T0))
                .isInstanceOf(InvalidTransitionException.class);
        assertThatThrownBy(() -> closed.edit(new EditTicket(null, Priority.HIGH, null, null, null, null), AGENT, T0))
                .isInstanceOf(InvalidTransitionException.class);
        assertThat(closed.takesCustomerMessageAt(T0, Duration.ofDays(7))).isFalse();
    }

    @Test
    void transitionsOutsideTheLifecycleAreRefused() {
        Ticket resolved =
                newTicket().moveTo(TicketStatus.RESOLVED, null, AGENT, T0).ticket();

        assertThatThrownBy(() -> resolved.moveTo(TicketStatus.PENDING, null, AGENT, T0))
                .isInstanceOf(InvalidTransitionException.class)
                .hasMessage("A resolved ticket cannot be moved to pending.");
        assertThatThrownBy(() -> newTicket().moveTo(TicketStatus.CLOSED, null, AGENT, T0))
                .isInstanceOf(InvalidTransitionException.class);
        assertThatThrownBy(() -> resolved.moveTo(TicketStatus.NEW, null, AGENT, T0))
                .isInstanceOf(InvalidTransitionException.class);
    }

    @Test
    void movingToTheCurrentStatusChangesNothing() {
        Ticket ticket = newTicket();

        TicketChange same = ticket.moveTo(TicketStatus.NEW, null, AGENT, T0.plusSeconds(5));

        assertThat(same.changes(ticket)).isFalse();
    }

    @Test
    void aCustomerReplyEndsWaitingWithoutAnEvent() {
        Ticket pending =
                newTicket().moveTo(TicketStatus.PENDING, null, AGENT, T0).ticket();

        TicketChange received = pending.receive(Interactions.sms("+4915112345678", "here you go"), T0);

        assertThat(received.ticket().status()).isEqualTo(TicketStatus.OPEN);
        assertThat(received.events()).isEmpty();
    }

    @Test
    void aCustomerReplyReopensAResolvedTicket() {
        Ticket resolved =
                newTicket().moveTo(TicketStatus.RESOLVED, null, AGENT, T0).ticket();
        InteractionReceived reply = Interactions.sms("+4915112345678", "still broken", T0.plusSeconds(60));

        TicketChange received = resolved.receive(reply, T0.plusSeconds(61));

        assertThat(received.ticket().status()).isEqualTo(TicketStatus.OPEN);
        assertThat(received.ticket().milestones().reopenCount()).isEqualTo(1);
        assertThat(received.ticket().milestones().resolvedAt()).isNull();
        assertThat(received.events()).singleElement().isInstanceOfSatisfying(TicketReopened.class, event -> {
            assertThat(event.reason()).isEqualTo(TicketReopened.Reason.CUSTOMER_REPLY);
            assertThat(event.interactionId()).isEqualTo(reply.interactionId());
            assertThat(event.previouslyResolvedAt()).isEqualTo(T0);
            assertThat(event.reopenCount()).isEqualTo(1);
            assertThat(event.reopenedBy().kind()).isEqualTo(Actor.Kind.CUSTOMER);
        });
    }

    @Test
    void aResolvedTicketTakesCustomerMessagesOnlyWithinTheReopenWindow() {
        Ticket resolved =
                newTicket().moveTo(TicketStatus.RESOLVED, null, AGENT, T0).ticket();
        Duration window = Duration.ofDays(7);

        assertThat(resolved.takesCustomerMessageAt(T0.plus(Duration.ofDays(6)), window))
                .isTrue();
        assertThat(resolved.takesCustomerMessageAt(T0.plus(Duration.ofDays(8)), window))
                .isFalse();
        assertThat(newTicket().takesCustomerMessageAt(T0.plus(Duration.ofDays(80)), window))
                .isTrue();
    }

    @Test
    void assigningToATeamAndAgentIsAnnounced() {
        Ticket ticket = newTicket();

        TicketChange assigned = ticket.edit(
                new EditTicket(null, null, null, null, Patch.to("team_billing"), Patch.to("agt_ada")), AGENT, T0);
        TicketChange unassigned =
                assigned.ticket().edit(new EditTicket(null, null, null, null, null, Patch.clear()), AGENT, T0);

        assertThat(assigned.events()).singleElement().isInstanceOfSatisfying(TicketAssigned.class, event -> {
            assertThat(event.teamId()).isEqualTo("team_billing");
            assertThat(event.assigneeId()).isEqualTo("agt_ada");
            assertThat(event.reason()).isEqualTo(TicketAssigned.Reason.MANUAL);
            assertThat(event.assignedBy()).isEqualTo(AGENT);
        });
        assertThat(unassigned.ticket().assignment()).isEqualTo(new Assignment("team_billing", null));
        assertThat(unassigned.events()).singleElement().isInstanceOfSatisfying(TicketAssigned.class, event -> {
            assertThat(event.assigneeId()).isNull();
            assertThat(event.previousAssigneeId()).isEqualTo("agt_ada");
        });
    }

    @Test
    void anAgentIsAssignedWithinATeam() {
        assertThatThrownBy(() ->
                        newTicket().edit(new EditTicket(null, null, null, null, null, Patch.to("agt_ada")), AGENT, T0))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("teamId"));
    }

    @Test
    void tagsAndCustomFieldsAreNormalizedAndTyped() {
        TicketChange edited = newTicket()
                .edit(
                        new EditTicket(
                                null,
                                Priority.URGENT,
                                List.of("VIP", " refund ", "vip"),
                                Map.of(
                                        "orderNumber",
                                        new FieldValue.Text("10442"),
                                        "amount",
                                        new FieldValue.Number(new java.math.BigDecimal("12.50"))),
                                null,
                                null),
                        AGENT,
                        T0);

        assertThat(edited.ticket().tags()).containsExactly("refund", "vip");
        assertThat(edited.ticket().priority()).isEqualTo(Priority.URGENT);
        assertThat(edited.ticket().customFields())
                .containsEntry("amount", new FieldValue.Number(new java.math.BigDecimal("12.50")));
        assertThatThrownBy(() ->
                        newTicket().edit(new EditTicket(null, null, List.of("two words"), null, null, null), AGENT, T0))
                .isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void aReplyGoesToTheRequesterThreadedUnderTheirLatestEmail() {
        String first = Interactions.emailId();
        String second = Interactions.emailId();
        Ticket ticket = Ticket.open(
                        "tkt_mail",
                        "acme",
                        Interactions.email("maria@example.com", "Order 10442", first, null, List.of()),
                        T0)
                .ticket();
        ticket = ticket.receive(
                        Interactions.email("maria@example.com", "Re: Order 10442", second, first, List.of(first)), T0)
                .ticket();

        ReplyRequested reply = ticket.reply("rpl_1", MessageContent.text("On its way"), AGENT, T0);

        assertThat(reply.recipient().value()).isEqualTo("maria@example.com");
        assertThat(reply.connectionId()).isEqualTo("con_mail");
        assertThat(reply.inReplyTo()).isEqualTo(second);
        assertThat(reply.references()).containsExactly(first, second);
        assertThat(reply.content().subjectLine()).isEqualTo("Re: Order 10442");
        assertThat(ticket.replied(null, AGENT, T0).ticket().status()).isEqualTo(TicketStatus.OPEN);
        assertThat(ticket.replied(TicketStatus.PENDING, AGENT, T0)
                        .ticket()
                        .milestones()
                        .firstResponseAt())
                .isEqualTo(T0);
    }

    @Test
    void aMergedTicketIsClosedAndItsTargetShowsItsMessages() {
        Ticket source = newTicket();
        Ticket target = Ticket.open("tkt_target", "acme", Interactions.sms("+4915112345678", "again"), T0)
                .ticket();

        Ticket merged = source.mergeInto(target, T0).ticket();
        Ticket absorbing = target.absorb(merged, T0).ticket();

        assertThat(merged.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(merged.mergedInto()).isEqualTo("tkt_target");
        assertThat(absorbing.messageSources()).containsExactly("tkt_target", source.id());
        assertThat(absorbing.absorb(merged, T0).changes(absorbing)).isFalse();
        assertThatThrownBy(() -> merged.mergeInto(target, T0)).isInstanceOf(InvalidTransitionException.class);
        assertThatThrownBy(() -> target.mergeInto(target, T0)).isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void anAgentReopeningAResolvedTicketIsAnnounced() {
        Ticket resolved =
                newTicket().moveTo(TicketStatus.RESOLVED, null, AGENT, T0).ticket();

        TicketChange reopened = resolved.moveTo(TicketStatus.OPEN, null, AGENT, T0.plusSeconds(10));

        assertThat(reopened.events()).singleElement().isInstanceOfSatisfying(TicketReopened.class, event -> {
            assertThat(event.reason()).isEqualTo(TicketReopened.Reason.AGENT);
            assertThat(event.reopenedBy()).isEqualTo(AGENT);
        });
    }

    private static Ticket newTicket() {
        return Ticket.open("tkt_source", "acme", Interactions.sms("+4915112345678", "hello"), T0)
                .ticket();
    }
}
