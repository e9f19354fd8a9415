package io.touchpoint.channel.persistence.webchat;

import io.touchpoint.channel.domain.outbound.DeliveryStatus;
import io.touchpoint.channel.domain.webchat.ChatAuthor;
import io.touchpoint.events.MessageContent;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One event of a conversation's stream, stored under {@code <conversationId>|<sequence>}: claiming that {@code _id} is
 * what gives the event its sequence, and reading a stream is looking up the next ids. {@code dedupeKey}, unique where
 * present, makes appending the same reply or message twice store it once.
 */
@Document(ChatEventDocument.COLLECTION)
record ChatEventDocument(
        @Id String id,
        String tenantId,
        String conversationId,
        long sequence,
        @Indexed(name = "dedupe", unique = true, sparse = true) String dedupeKey,
        Kind kind,
        ChatAuthor author,
        String authorName,
        String messageId,
        String clientMessageId,
        String replyId,
        MessageContent content,
        Boolean active,
        Long messageSequence,
        DeliveryStatus status,
        Instant at) {

    static final String COLLECTION = "web_chat_events";

    enum Kind {
        MESSAGE,
        TYPING,
        DELIVERY
    }
}
