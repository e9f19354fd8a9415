package io.touchpoint.ticket.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.touchpoint.events.Actor;
import io.touchpoint.events.Channel;
import io.touchpoint.events.Handle;
import io.touchpoint.events.MessageContent;
import io.touchpoint.ticket.domain.TicketMessage;
import java.time.Instant;
import java.util.Locale;

/**
 * A message of a ticket.
 *
 * @param kind {@code customer}, {@code reply} or {@code note}
 * @param internal true for notes, which the customer never sees
 * @param author the agent of a reply or note
 * @param customer who wrote a customer message, or whom a reply went to
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MessageResponse(
        String id,
        String ticketId,
        String kind,
        boolean internal,
        Actor author,
        Handle customer,
        Channel channel,
        MessageContent content,
        String providerMessageId,
        String emailMessageId,
        Instant createdAt) {

    static MessageResponse of(TicketMessage message) {
        return new MessageResponse(
                message.id(),
                message.ticketId(),
                message.kind().name().toLowerCase(Locale.ROOT),
                message.kind() == TicketMessage.Kind.NOTE,
                message.author(),
                message.customer(),
                message.channel(),
                message.content(),
                message.providerMessageId(),
                message.emailMessageId(),
                message.createdAt());
    }
}
