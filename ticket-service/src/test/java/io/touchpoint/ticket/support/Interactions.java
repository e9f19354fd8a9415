package io.touchpoint.ticket.support;

import io.touchpoint.events.Channel;
import io.touchpoint.events.Handle;
import io.touchpoint.events.MessageContent;
import io.touchpoint.events.interaction.InteractionReceived;
import io.touchpoint.events.interaction.InteractionReceived.ThreadHints;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Inbound messages as channel-service announces them, one per channel kind. */
public final class Interactions {

    private Interactions() {}

    /** A web chat message in conversation {@code conversationId}. */
    public static InteractionReceived chat(String conversationId, String visitor, String text) {
        return new InteractionReceived(
                messageId(),
                "con_webchat",
                Channel.WEB_CHAT,
                "wc-" + UUID.randomUUID(),
                new Handle(Handle.Kind.WEB_VISITOR, visitor, "Visitor " + visitor),
                new ThreadHints(conversationId, null, null, null),
                MessageContent.text(text),
                "en",
                Instant.now());
    }

    /** An SMS from {@code phone}, received at {@code receivedAt}. */
    public static InteractionReceived sms(String phone, String text, Instant receivedAt) {
        return new InteractionReceived(
                messageId(),
                "con_sms",
                Channel.SMS,
                "SM" + UUID.randomUUID().toString().replace("-", ""),
                Handle.of(Handle.Kind.PHONE, phone),
                new ThreadHints(null, null, null, null),
                MessageContent.text(text),
                null,
                receivedAt);
    }

    public static InteractionReceived sms(String phone, String text) {
        return sms(phone, text, Instant.now());
    }

    /**
     * An email from {@code from} with Message-ID {@code emailId}, answering {@code inReplyTo} (may be null) with
     * {@code references}.
     */
    public static InteractionReceived email(
            String from, String subject, String emailId, String inReplyTo, List<String> references) {
        return new InteractionReceived(
                messageId(),
                "con_mail",
                Channel.EMAIL,
                emailId,
                new Handle(Handle.Kind.EMAIL, from, "Maria Lopez"),
                new ThreadHints(null, emailId, inReplyTo, references),
                new MessageContent(subject, "About my order: " + subject, "<p>" + subject + "</p>", List.of()),
                "en",
                Instant.now());
    }

    /** A fresh {@code Message-ID}. */
    public static String emailId() {
        return "<" + UUID.randomUUID() + "@mail.example.com>";
    }

    /** The same message, received again at {@code receivedAt}. */
    public static InteractionReceived at(InteractionReceived message, Instant receivedAt) {
        return new InteractionReceived(
                message.interactionId(),
                message.connectionId(),
                message.channel(),
                message.providerMessageId(),
                message.customer(),
                message.thread(),
                message.content(),
                message.language(),
                receivedAt);
    }

    /** A new {@code msg_…} id, as channel-service makes them. */
    public static String messageId() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 26);
    }
}
