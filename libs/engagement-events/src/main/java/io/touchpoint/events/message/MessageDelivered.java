package io.touchpoint.events.message;

import io.touchpoint.events.Channel;
import io.touchpoint.events.EventPayload;
import io.touchpoint.events.Handle;
import java.time.Instant;

/**
 * The provider confirmed an outbound message reached the customer. {@code replyId} or {@code surveyId} says what
 * the message was sent for.
 *
 * @param messageId the outbound message, {@code msg_…}
 * @param connectionId the channel connection it went through
 * @param channel the kind of channel
 * @param providerMessageId the provider's id of the sent message
 * @param recipient whom it reached
 * @param replyId the reply it carried ({@code rpl_…}), when sent for {@code reply.requested}
 * @param surveyId the survey it carried ({@code srv_…}), when sent for {@code survey.requested}
 * @param ticketId the ticket it relates to, if any
 * @param conversationId the conversation it belongs to, if any
 * @param deliveredAt when the provider reported delivery
 */
public record MessageDelivered(
        String messageId,
        String connectionId,
        Channel channel,
        String providerMessageId,
        Handle recipient,
        String replyId,
        String surveyId,
        String ticketId,
        String conversationId,
        Instant deliveredAt)
        implements EventPayload {

    @Override
    public String subject() {
        return this.messageId;
    }
}
