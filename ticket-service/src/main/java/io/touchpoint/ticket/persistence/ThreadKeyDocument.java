package io.touchpoint.ticket.persistence;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Where a thread key leads: {@code _id} is {@code tenantId|kind|value} (for example
 * {@code acme|conversation|cnv_…} or {@code acme|handle|con_…|phone|+4915…}), so looking a key up, and claiming it
 * against concurrent claimers, is a single operation on the unique {@code _id} on any MongoDB.
 */
@Document(ThreadKeyDocument.COLLECTION)
record ThreadKeyDocument(@Id String id, String tenantId, String ticketId, Instant createdAt, Instant updatedAt) {

    static final String COLLECTION = "thread_keys";
}
