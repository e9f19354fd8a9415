package io.touchpoint.channel.persistence.inbound;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * When a customer last wrote on a connection.
 *
 * @param id {@code tenantId|connectionId|handle}: the send-time check is one read by id
 */
@Document(CustomerWindowDocument.COLLECTION)
record CustomerWindowDocument(
        @Id String id, String tenantId, String connectionId, String handle, Instant lastInboundAt) {

    static final String COLLECTION = "customer_windows";

    static String key(String tenantId, String connectionId, String handle) {
        return tenantId + "|" + connectionId + "|" + handle;
    }
}
