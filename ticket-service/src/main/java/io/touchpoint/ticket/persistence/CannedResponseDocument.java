package io.touchpoint.ticket.persistence;

import io.touchpoint.ticket.domain.CannedResponse;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A canned response as stored. */
@Document(CannedResponseDocument.COLLECTION)
@CompoundIndex(name = "tenant_id", def = "{'tenantId': 1, '_id': 1}")
record CannedResponseDocument(
        @Id String id,
        String tenantId,
        String name,
        String subjectLine,
        String text,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static final String COLLECTION = "canned_responses";

    static CannedResponseDocument of(CannedResponse response) {
        return new CannedResponseDocument(
                response.id(),
                response.tenantId(),
                response.name(),
                response.subjectLine(),
                response.text(),
                response.version(),
                response.createdAt(),
                response.updatedAt());
    }

    CannedResponse toResponse() {
        return new CannedResponse(id, tenantId, name, subjectLine, text, version, createdAt, updatedAt);
    }
}
