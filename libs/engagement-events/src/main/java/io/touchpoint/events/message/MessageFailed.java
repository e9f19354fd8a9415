package io.touchpoint.events.message;

import io.touchpoint.events.Channel;
import io.touchpoint.events.EventPayload;
import io.touchpoint.events.Handle;
import java.time.Instant;

/**
 * An outbound message could not be delivered and channel-service has stopped trying.
 *
 * @param messageId the outbound message, {@code msg_…}
 * @param connectionId the channel connection it was sent through
 * @param channel the kind of channel
 * @param recipient whom it was for
 * @param replyId the reply it carried ({@code rpl_…}), when sent for {@code reply.requested}
 * @param surveyId the survey it carried ({@code srv_…}), when sent for {@code survey.requested}
 * @param ticketId the ticket it relates to, if any
 * @param conversationId the conversation it belongs to, if any
 * @param errorCode Touchpoint's code for the cause, e.g. {@code invalid_recipient}, {@code window_closed},
 *     {@code provider_unavailable}
 * @param providerErrorCode the provider's own error code, if it gave one
 * @param errorMessage a description without personal data
 * @param attempts how many times sending was tried
 * @param failedAt when the message was given up
 */
public record MessageFailed(
        String messageId,
        String connectionId,
        Channel channel,
        Handle recipient,
        String replyId,
        String surveyId,
        String ticketId,
        String conversationId,
        String errorCode,
        String providerErrorCode,
        String errorMessage,
        int attempts,
        Instant failedAt)
        implements EventPayload {

    @Override
    public String subject() {
        return this.messageId;
    }
}
