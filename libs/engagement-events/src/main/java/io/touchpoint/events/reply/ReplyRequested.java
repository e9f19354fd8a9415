package io.touchpoint.events.reply;

import io.touchpoint.events.Actor;
import io.touchpoint.events.Channel;
import io.touchpoint.events.EventPayload;
import io.touchpoint.events.Handle;
import io.touchpoint.events.MessageContent;
import java.time.Instant;
import java.util.List;

/**
 * An agent or automation replied on a ticket; channel-service is asked to send it to the customer. The outcome
 * comes back as {@code message.delivered} or {@code message.failed} carrying the same {@code replyId}.
 *
 * @param replyId the reply, {@code rpl_…}; channel-service sends each reply id once
 * @param ticketId the ticket replied on, {@code tkt_…}
 * @param conversationId the conversation the reply belongs to, {@code cnv_…}
 * @param connectionId the channel connection to send through
 * @param channel the kind of channel
 * @param recipient whom to send it to
 * @param content what to send
 * @param inReplyTo the provider id (email {@code Message-ID}) of the message answered, for threading
 * @param references the email {@code References} chain to send, oldest first
 * @param requestedBy who wrote the reply
 * @param requestedAt when the reply was submitted
 */
public record ReplyRequested(
        String replyId,
        String ticketId,
        String conversationId,
        String connectionId,
        Channel channel,
        Handle recipient,
        MessageContent content,
        String inReplyTo,
        List<String> references,
        Actor requestedBy,
        Instant requestedAt)
        implements EventPayload {

    public ReplyRequested {
        references = (references != null) ? List.copyOf(references) : List.of();
    }

    @Override
    public String subject() {
        return this.ticketId;
    }
}
