package io.touchpoint.ticket.persistence;

import io.touchpoint.events.ticket.Priority;
import io.touchpoint.starter.outbox.OutboxEvent;
import io.touchpoint.ticket.domain.Requester;
import io.touchpoint.ticket.domain.TicketStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A ticket as stored, with its events waiting in {@code outbox} until the relay published them and the ids of the
 * inbound messages it applied in {@code appliedEvents}. The indexes serve the list filters on real MongoDB, each
 * ending in {@code _id} for the cursor (the in-process stand-in ignores non-unique indexes and scans).
 *
 * @param customFields values as BSON types: string, decimal, boolean, or a date at midnight UTC
 */
@Document(TicketDocument.COLLECTION)
@CompoundIndex(name = "tenant_id", def = "{'tenantId': 1, '_id': 1}")
@CompoundIndex(name = "tenant_status", def = "{'tenantId': 1, 'status': 1, '_id': 1}")
@CompoundIndex(name = "tenant_assignee", def = "{'tenantId': 1, 'assigneeId': 1, '_id': 1}")
@CompoundIndex(name = "tenant_team", def = "{'tenantId': 1, 'teamId': 1, '_id': 1}")
@CompoundIndex(name = "tenant_customer", def = "{'tenantId': 1, 'requester.handle.value': 1, '_id': 1}")
@CompoundIndex(name = "tenant_tags", def = "{'tenantId': 1, 'tags': 1, '_id': 1}")
@CompoundIndex(name = "tenant_updated", def = "{'tenantId': 1, 'updatedAt': 1, '_id': 1}")
record TicketDocument(
        @Id String id,
        String tenantId,
        String conversationId,
        TicketStatus status,
        Priority priority,
        String title,
        Requester requester,
        String teamId,
        String assigneeId,
        List<String> tags,
        Map<String, Object> customFields,
        Instant lastCustomerMessageAt,
        Instant firstResponseAt,
        Instant resolvedAt,
        int reopenCount,
        String inReplyTo,
        List<String> references,
        String mergedInto,
        List<String> mergedFrom,
        long version,
        Instant createdAt,
        Instant updatedAt,
        List<OutboxEvent> outbox,
        List<String> appliedEvents) {

    static final String COLLECTION = "tickets";

    /** Fields a ticket change never rewrites: identity, version, and what the outbox and consumers own. */
    static final java.util.Set<String> NOT_REWRITTEN =
            java.util.Set.of("_id", "tenantId", "version", "outbox", "outboxLease", "appliedEvents", "createdAt");
}
