package io.touchpoint.channel.persistence.outbound;

import io.touchpoint.events.Channel;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A pending outbound message in the delivery queue: one small document per message still to be sent, removed once
 * it is sent or failed, so that the worker's claims search what is pending, not every message ever sent. The lease
 * ({@code leaseUntil}, {@code leaseToken}) is taken with find-and-modify; a lease that ran out is free to take.
 *
 * @param id the outbound message's id
 * @param dueAt when it may be tried (next)
 */
@Document(OutboundQueueDocument.COLLECTION)
@CompoundIndex(name = "due", def = "{'channel': 1, 'dueAt': 1}")
record OutboundQueueDocument(
        @Id String id, String tenantId, Channel channel, Instant dueAt, Instant leaseUntil, String leaseToken) {

    static final String COLLECTION = "outbound_queue";
}
