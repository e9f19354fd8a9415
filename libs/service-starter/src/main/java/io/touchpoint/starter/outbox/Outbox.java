package io.touchpoint.starter.outbox;

import io.touchpoint.events.EventPayload;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The write side of the outbox: events go into the aggregate's document in the same single-document write as the
 * state change that caused them, so that either both are stored or neither is.
 *
 * <pre>{@code
 * Update update = new Update().set("status", "ESCALATED");
 * Outbox.append(update, tenantId, new TicketEscalated(...));
 * mongoTemplate.updateFirst(query(where("_id").is(id).and("tenantId").is(tenantId)), update, TicketDocument.class);
 * outboxRelays.afterWrite("tickets", id);
 * }</pre>
 */
public final class Outbox {

    /** The array field holding an aggregate's pending events. */
    public static final String FIELD = "outbox";

    /** The field a relay's lease on a document is kept in while it publishes that document's events. */
    public static final String LEASE_FIELD = "outboxLease";

    private Outbox() {}

    /** Adds {@code $push: {outbox: {$each: [...]}}} for {@code events} to {@code update}, and returns it. */
    public static Update append(Update update, String tenantId, EventPayload... events) {
        return append(update, events(tenantId, events));
    }

    /** Adds {@code $push: {outbox: {$each: [...]}}} for already created entries to {@code update}. */
    public static Update append(Update update, List<OutboxEvent> events) {
        if (!events.isEmpty()) {
            update.push(FIELD).each(events.stream().map(OutboxEvent::toDocument).toArray());
        }
        return update;
    }

    /** Outbox entries for a new document: assign them to its {@code List<OutboxEvent> outbox} field. */
    public static List<OutboxEvent> events(String tenantId, EventPayload... events) {
        return Arrays.stream(events)
                .map(event -> OutboxEvent.of(tenantId, event))
                .toList();
    }
}
