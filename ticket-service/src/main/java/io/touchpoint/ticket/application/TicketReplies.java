package io.touchpoint.ticket.application;

import io.touchpoint.events.Actor;
import io.touchpoint.events.MessageContent;
import io.touchpoint.events.reply.ReplyRequested;
import io.touchpoint.ticket.domain.Ids;
import io.touchpoint.ticket.domain.InvalidFieldException;
import io.touchpoint.ticket.domain.InvalidTransitionException;
import io.touchpoint.ticket.domain.ThreadKeys;
import io.touchpoint.ticket.domain.Ticket;
import io.touchpoint.ticket.domain.TicketChange;
import io.touchpoint.ticket.domain.TicketMessage;
import io.touchpoint.ticket.domain.TicketStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Agents writing on a ticket: public replies, which channel-service sends to the customer, and internal notes.
 *
 * <p>A reply is stored in one write together with its {@code reply.requested} event, so a reply that shows on the
 * ticket is always sent and a sent reply always shows. The ticket's own change (first response, new status) follows
 * in a second write; should that one be lost, the ticket only lags behind its conversation.
 */
@Service
public class TicketReplies {

    private static final Logger log = LoggerFactory.getLogger(TicketReplies.class);

    private final TicketUpdates updates;

    private final TicketMessageStore messages;

    private final ThreadKeyStore keys;

    private final CannedResponses cannedResponses;

    private final Clock clock;

    private final ApplicationEventPublisher publisher;

    public TicketReplies(
            TicketUpdates updates,
            TicketMessageStore messages,
            ThreadKeyStore keys,
            CannedResponses cannedResponses,
            Clock clock,
            ApplicationEventPublisher publisher) {
        this.updates = updates;
        this.messages = messages;
        this.keys = keys;
        this.cannedResponses = cannedResponses;
        this.clock = clock;
        this.publisher = publisher;
    }

    /** Sends {@code reply} to the ticket's customer and moves the ticket on. */
    public TicketMessage reply(String tenantId, String ticketId, ReplyToTicket reply, Actor agent) {
        Ticket ticket = updates.get(tenantId, ticketId);
        Instant now = clock.instant();
        ticket.replied(reply.statusAfter(), agent, now); // refuses a closed ticket or a bad status before sending
        ReplyRequested request =
                ticket.reply(Ids.next(TicketMessage.REPLY_PREFIX), content(tenantId, ticket, reply, agent), agent, now);
        TicketMessage message = TicketMessage.reply(request);
        messages.insertReply(tenantId, message, request);
        keys.register(tenantId, List.of(ThreadKeys.reply(request.replyId())), ticketId);
        publisher.publishEvent(new TicketReplied(tenantId, ticketId, now));
        updates.modify(tenantId, ticketId, null, current -> afterReply(current, reply.statusAfter(), agent, now));
        log.info(
                "reply {} on ticket {} requested by {} for tenant {}",
                request.replyId(),
                ticketId,
                agent.id(),
                tenantId);
        return message;
    }

    /** Adds an internal note, which the customer never sees. */
    public TicketMessage note(String tenantId, String ticketId, String text, Actor agent) {
        Ticket ticket = updates.get(tenantId, ticketId);
        Instant now = clock.instant();
        ticket.noted(now);
        TicketMessage note = TicketMessage.note(Ids.next(TicketMessage.NOTE_PREFIX), ticketId, text, agent, now);
        messages.insertNote(tenantId, note);
        updates.modify(
                tenantId,
                ticketId,
                null,
                current -> current.status() == TicketStatus.CLOSED ? TicketChange.of(current) : current.noted(now));
        return note;
    }

    private MessageContent content(String tenantId, Ticket ticket, ReplyToTicket reply, Actor agent) {
        boolean hasText = reply.text() != null && !reply.text().isBlank();
        if (hasText == (reply.cannedResponseId() != null)) {
            throw new InvalidFieldException("text", "give either text or cannedResponseId");
        }
        if (!hasText) {
            return cannedResponses.get(tenantId, reply.cannedResponseId()).render(ticket, agent);
        }
        return new MessageContent(reply.subjectLine(), reply.text(), reply.html(), List.of());
    }

    /** The ticket's side of a reply already sent: a ticket closed meanwhile keeps its status. */
    private static TicketChange afterReply(Ticket current, TicketStatus statusAfter, Actor agent, Instant now) {
        try {
            return current.replied(statusAfter, agent, now);
        } catch (InvalidTransitionException changedMeanwhile) {
            log.warn("ticket {} changed while a reply was sent: {}", current.id(), changedMeanwhile.getMessage());
            return TicketChange.of(current);
        }
    }

    /**
     * An agent's reply: its own text, or a canned response filled in for the ticket.
     *
     * @param subjectLine the email subject; {@code Re: <ticket title>} when absent
     * @param statusAfter the status the ticket moves to with the reply (typically pending); from new to open when null
     */
    public record ReplyToTicket(
            String text, String html, String subjectLine, String cannedResponseId, TicketStatus statusAfter) {}
}
