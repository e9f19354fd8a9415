package io.touchpoint.events.interaction;

import io.touchpoint.events.Channel;
import io.touchpoint.events.EventPayload;
import io.touchpoint.events.Handle;
import io.touchpoint.events.MessageContent;
import java.time.Instant;
import java.util.List;

/**
 * A customer's message arrived on a channel and is stored. Ticket-service threads it into a conversation;
 * profile-service resolves the customer's identity from {@code customer}.
 *
 * @param interactionId the stored inbound message, {@code msg_…}
 * @param connectionId the channel connection it came in on
 * @param channel the kind of channel
 * @param providerMessageId the provider's id of the message, unique per connection (dedupe key)
 * @param customer who sent it
 * @param thread what the channel says about the conversation the message belongs to
 * @param content what it says
 * @param language BCP 47 tag of the text, if the channel or detection knows it
 * @param receivedAt when Touchpoint received it
 */
public record InteractionReceived(
        String interactionId,
        String connectionId,
        Channel channel,
        String providerMessageId,
        Handle customer,
        ThreadHints thread,
        MessageContent content,
        String language,
        Instant receivedAt)
        implements EventPayload {

    @Override
    public String subject() {
        return this.interactionId;
    }

    /**
     * Threading hints from the channel, all optional.
     *
     * @param conversationId the conversation, {@code cnv_…}, when the channel has one (web chat session, reply to an
     *     outbound message)
     * @param emailMessageId the email's {@code Message-ID}
     * @param inReplyTo the email's {@code In-Reply-To}, or the provider id of the message replied to
     * @param references the email's {@code References}, oldest first
     */
    public record ThreadHints(String conversationId, String emailMessageId, String inReplyTo, List<String> references) {

        public ThreadHints {
            references = (references != null) ? List.copyOf(references) : List.of();
        }
    }
}
