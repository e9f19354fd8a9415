package io.touchpoint.starter.outbox;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An aggregate document with an outbox, as services map them. */
@Document(TicketDocument.COLLECTION)
public record TicketDocument(@Id String id, String tenantId, String status, List<OutboxEvent> outbox) {

    public static final String COLLECTION = "tickets";
}
