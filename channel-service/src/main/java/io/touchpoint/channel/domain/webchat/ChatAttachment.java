package io.touchpoint.channel.domain.webchat;

import io.touchpoint.events.Attachment;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A file a visitor attached in a conversation: its metadata only. The widget uploads the bytes wherever the company
 * keeps them; {@code url} says where.
 *
 * @param id {@code att_…}
 */
public record ChatAttachment(
        String id,
        String tenantId,
        String conversationId,
        String name,
        String contentType,
        long size,
        URI url,
        Instant createdAt) {

    public static final String ID_PREFIX = "att";

    public ChatAttachment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(url, "url");
    }

    /** The attachment as messages and events carry it. */
    public Attachment toAttachment() {
        return new Attachment(name, contentType, size, url);
    }
}
