package io.touchpoint.ticket.domain;

import io.touchpoint.events.Actor;
import io.touchpoint.events.Channel;
import io.touchpoint.events.Handle;
import io.touchpoint.events.MessageContent;
import io.touchpoint.events.interaction.InteractionReceived;
import io.touchpoint.events.reply.ReplyRequested;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a ticket's conversation: what the customer wrote, what an agent replied, or an internal note that the
 * customer never sees.
 *
 * @param id {@code msg_…} (the customer's message as channel-service stored it), {@code rpl_…} or {@code nte_…}
 * @param author the agent of a reply or note; absent on customer messages
 * @param customer who wrote a customer message, or whom a reply went to; absent on notes
 * @param providerMessageId the channel's id of a customer message
 * @param emailMessageId the {@code Message-ID} of a customer's email
 */
public record TicketMessage(
        String id,
        String ticketId,
        Kind kind,
        Actor author,
        Handle customer,
        Channel channel,
        MessageContent content,
        String providerMessageId,
        String emailMessageId,
        Instant createdAt) {

    public static final String NOTE_PREFIX = "nte";

    public static final String REPLY_PREFIX = "rpl";

    public TicketMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static TicketMessage fromCustomer(String ticketId, InteractionReceived message) {
        return new TicketMessage(
                message.interactionId(),
                ticketId,
                Kind.CUSTOMER,
                null,
                message.customer(),
                message.channel(),
                message.content(),
                message.providerMessageId(),
                message.thread().emailMessageId(),
                message.receivedAt());
    }

    public static TicketMessage reply(ReplyRequested reply) {
        return new TicketMessage(
                reply.replyId(),
                reply.ticketId(),
                Kind.REPLY,
                reply.requestedBy(),
                reply.recipient(),
                reply.channel(),
                reply.content(),
                null,
                null,
                reply.requestedAt());
    }

    public static TicketMessage note(String id, String ticketId, String text, Actor author, Instant at) {
        return new TicketMessage(
                id, ticketId, Kind.NOTE, author, null, null, MessageContent.text(text), null, null, at);
    }

    /** What a message is; notes are internal. */
    public enum Kind {
        CUSTOMER,
        REPLY,
        NOTE
    }
}
