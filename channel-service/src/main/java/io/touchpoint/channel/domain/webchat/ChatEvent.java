package io.touchpoint.channel.domain.webchat;

import io.touchpoint.channel.domain.outbound.DeliveryStatus;
import io.touchpoint.events.MessageContent;
import java.time.Instant;
import java.util.Objects;

/**
 * One event of a web chat conversation's stream. {@code sequence} numbers a conversation's events 1, 2, 3, … without
 * gaps; it is the SSE {@code id:} a client resumes after.
 */
public record ChatEvent(String conversationId, long sequence, Instant at, Body body) {

    public ChatEvent {
        Objects.requireNonNull(conversationId, "conversationId");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(body, "body");
    }

    /** The id the event is stored under, and the provider message id of an agent message delivered as this event. */
    public String key() {
        return key(conversationId, sequence);
    }

    public static String key(String conversationId, long sequence) {
        return conversationId + "|" + sequence;
    }

    /** What happened. */
    public sealed interface Body permits Message, Typing, Delivery {

        ChatAuthor author();
    }

    /**
     * A message in the conversation: an agent's reply, or the echo of a visitor's stored message.
     *
     * @param messageId the stored inbound message ({@code msg_…}) when the visitor wrote it
     * @param clientMessageId the widget's own id of a visitor's message, so it can match the echo to what it showed
     * @param replyId the reply ({@code rpl_…}) an agent's message delivers
     * @param authorName the agent's name to show, if known
     */
    public record Message(
            ChatAuthor author,
            String authorName,
            String messageId,
            String clientMessageId,
            String replyId,
            MessageContent content)
            implements Body {

        public Message {
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(content, "content");
        }
    }

    /** Someone started ({@code active}) or stopped typing. */
    public record Typing(ChatAuthor author, String authorName, boolean active) implements Body {

        public Typing {
            Objects.requireNonNull(author, "author");
        }
    }

    /**
     * A message of the conversation reached ({@link DeliveryStatus#DELIVERED}) or was read by ({@link
     * DeliveryStatus#READ}) {@code author}.
     *
     * @param messageSequence the sequence of the message event it is about
     */
    public record Delivery(ChatAuthor author, long messageSequence, DeliveryStatus status) implements Body {

        public Delivery {
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(status, "status");
        }
    }
}
