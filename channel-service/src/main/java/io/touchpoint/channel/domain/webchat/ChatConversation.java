package io.touchpoint.channel.domain.webchat;

import io.touchpoint.events.Handle;
import java.time.Instant;
import java.util.Objects;

/**
 * A web chat conversation: one visitor talking to a tenant through one chat widget (a {@code web_chat} connection).
 *
 * @param id {@code cnv_…}; the conversation id ticket-service threads the visitor's messages by
 * @param visitor the visitor as a {@link Handle.Kind#WEB_VISITOR} handle: the company's user id when the company's
 *     backend vouched for it, else a generated {@code vis_…} id
 * @param identified whether {@code visitor} was verified with the connection's identity secret
 */
public record ChatConversation(
        String id, String tenantId, String connectionId, Handle visitor, boolean identified, Instant createdAt) {

    public static final String ID_PREFIX = "cnv";

    public static final String VISITOR_ID_PREFIX = "vis";

    public ChatConversation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(visitor, "visitor");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Whether the conversation belongs to {@code tenantId}'s connection {@code connectionId}. */
    public boolean belongsTo(String tenantId, String connectionId) {
        return this.tenantId.equals(tenantId) && this.connectionId.equals(connectionId);
    }
}
