package io.touchpoint.ticket.persistence;

import io.touchpoint.events.Actor;
import io.touchpoint.events.Channel;
import io.touchpoint.events.Handle;
import io.touchpoint.events.MessageContent;
import io.touchpoint.starter.outbox.OutboxEvent;
import io.touchpoint.ticket.domain.TicketMessage;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A message of a ticket as stored; a reply carries its {@code reply.requested} event in {@code outbox} until the
 * relay published it.
 *
 * @param position creation time in milliseconds, zero-padded, then the id: sorts the messages of a ticket in the
 *     order they were written whatever produced their ids, and serves as their cursor
 */
@Document(TicketMessageDocument.COLLECTION)
@CompoundIndex(name = "ticket_position", def = "{'tenantId': 1, 'ticketId': 1, 'position': 1}")
record TicketMessageDocument(
        @Id String id,
        String tenantId,
        String ticketId,
        TicketMessage.Kind kind,
        Actor author,
        Handle customer,
        Channel channel,
        MessageContent content,
        String providerMessageId,
        String emailMessageId,
        Instant createdAt,
        String position,
        List<OutboxEvent> outbox) {

    static final String COLLECTION = "ticket_messages";

    static String position(TicketMessage message) {
        return String.format("%015d|%s", message.createdAt().toEpochMilli(), message.id());
    }

    static TicketMessageDocument of(String tenantId, TicketMessage message, List<OutboxEvent> outbox) {
        return new TicketMessageDocument(
                message.id(),
                tenantId,
                message.ticketId(),
                message.kind(),
                message.author(),
                message.customer(),
                message.channel(),
                message.content(),
                message.providerMessageId(),
                message.emailMessageId(),
                message.createdAt(),
                position(message),
                outbox);
    }

    TicketMessage toMessage() {
        return new TicketMessage(
                id, ticketId, kind, author, customer, channel, content, providerMessageId, emailMessageId, createdAt);
    }
}
