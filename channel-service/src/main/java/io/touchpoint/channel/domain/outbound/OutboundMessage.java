package io.touchpoint.channel.domain.outbound;

import io.touchpoint.channel.domain.Ids;
import io.touchpoint.events.Channel;
import io.touchpoint.events.Handle;
import io.touchpoint.events.MessageContent;
import java.util.List;
import java.util.Objects;

/**
 * What one outbound message says and whom it goes to, as every {@code ChannelSender} receives it.
 *
 * @param id the message, {@code msg_…}; derived from the reply or survey it carries, so it is the same on every
 *     redelivery of the request
 * @param connectionId the connection it goes out through
 * @param recipient the customer's handle on that channel
 * @param content what it says
 * @param template an approved provider template to send instead of free-form text (WhatsApp outside the 24-hour
 *     window), or null
 * @param inReplyTo the provider id of the customer message it answers (email {@code Message-ID}, WhatsApp
 *     {@code wamid…}, Telegram message id), or null
 * @param references the email {@code References} chain, oldest first
 * @param origin what asked for it: a reply or a survey
 * @param ticketId the ticket it relates to, if any
 * @param conversationId the conversation it belongs to, if any
 * @param language the language it is written in (BCP 47), if known
 */
public record OutboundMessage(
        String id,
        String tenantId,
        String connectionId,
        Channel channel,
        Handle recipient,
        MessageContent content,
        Template template,
        String inReplyTo,
        List<String> references,
        Origin origin,
        String ticketId,
        String conversationId,
        String language) {

    public static final String ID_PREFIX = "msg";

    public OutboundMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(origin, "origin");
        references = references != null ? List.copyOf(references) : List.of();
    }

    /**
     * The id of the message sent for {@code origin}, derived from the tenant and the origin: the same on every
     * redelivery of the request, so storing it twice is a duplicate key.
     */
    public static String idFor(String tenantId, Origin origin) {
        return Ids.derive(ID_PREFIX, tenantId + "|" + origin.kind() + "|" + origin.id());
    }

    /** The reply id when sent for {@code reply.requested}, else null. */
    public String replyId() {
        return origin.kind() == Origin.Kind.REPLY ? origin.id() : null;
    }

    /** The survey id when sent for {@code survey.requested}, else null. */
    public String surveyId() {
        return origin.kind() == Origin.Kind.SURVEY ? origin.id() : null;
    }

    /** The request an outbound message was made for; one message per origin. */
    public record Origin(Kind kind, String id) {

        public Origin {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(id, "id");
        }

        public static Origin reply(String replyId) {
            return new Origin(Kind.REPLY, replyId);
        }

        public static Origin survey(String surveyId) {
            return new Origin(Kind.SURVEY, surveyId);
        }

        public enum Kind {
            REPLY,
            SURVEY
        }
    }

    /**
     * A provider-approved message template (WhatsApp message templates).
     *
     * @param name the template's name as approved by the provider
     * @param language its language code as registered ({@code en_US})
     * @param parameters the body's positional parameters, in order
     */
    public record Template(String name, String language, List<String> parameters) {

        public Template {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(language, "language");
            parameters = parameters != null ? List.copyOf(parameters) : List.of();
        }
    }
}
