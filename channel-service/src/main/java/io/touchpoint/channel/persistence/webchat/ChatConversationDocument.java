package io.touchpoint.channel.persistence.webchat;

import io.touchpoint.events.Handle;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A web chat conversation as stored. {@code lastSequence} is where appends to its event stream start looking for the
 * next free sequence: raised after each append, never trusted to be exact (see {@link MongoChatEventStore}).
 */
@Document(ChatConversationDocument.COLLECTION)
record ChatConversationDocument(
        @Id String id,
        String tenantId,
        String connectionId,
        Handle visitor,
        boolean identified,
        Instant createdAt,
        long lastSequence) {

    static final String COLLECTION = "web_chat_conversations";
}
