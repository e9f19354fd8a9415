package io.touchpoint.ticket.persistence.knowledge;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How many times a tenant's published articles have changed. Search indexes remember the revision they were built at
 * and rebuild when this one is newer; reading it is a lookup by {@code _id} (the tenant id).
 */
@Document(RevisionDocument.COLLECTION)
record RevisionDocument(@Id String tenantId, long revision, Instant updatedAt) {

    static final String COLLECTION = "knowledge_revisions";
}
