package io.touchpoint.ticket.persistence.routing;

import io.touchpoint.ticket.domain.routing.InboxEvent;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One event of an agent's inbox, stored under {@code tenant|agent|sequence}: claiming that id is what numbers the
 * event. {@code dedupeKey} ({@code tenant|agent|key}, unique where present) stores an event appended twice once.
 */
@Document(InboxEventDocument.COLLECTION)
record InboxEventDocument(
        @Id String id,
        String tenantId,
        String agentId,
        long sequence,
        @Indexed(name = "dedupe", unique = true, sparse = true) String dedupeKey,
        InboxEvent.Type type,
        String ticketId,
        String teamId,
        String status,
        String priority,
        String messageId,
        Instant at) {

    static final String COLLECTION = "agent_inbox_events";

    static InboxEventDocument of(InboxEvent event, String dedupeKey) {
        return new InboxEventDocument(
                event.key(),
                event.tenantId(),
                event.agentId(),
                event.sequence(),
                dedupeKey,
                event.type(),
                event.ticketId(),
                event.teamId(),
                event.status(),
                event.priority(),
                event.messageId(),
                event.at());
    }

    InboxEvent toEvent() {
        return new InboxEvent(tenantId, agentId, sequence, type, ticketId, teamId, status, priority, messageId, at);
    }
}
