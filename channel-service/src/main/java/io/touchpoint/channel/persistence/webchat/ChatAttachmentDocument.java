package io.touchpoint.channel.persistence.webchat;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The metadata of a file a visitor attached in a web chat conversation; the bytes are not stored here. */
@Document(ChatAttachmentDocument.COLLECTION)
record ChatAttachmentDocument(
        @Id String id,
        String tenantId,
        String conversationId,
        String name,
        String contentType,
        long size,
        String url,
        Instant createdAt) {

    static final String COLLECTION = "web_chat_attachments";
}
