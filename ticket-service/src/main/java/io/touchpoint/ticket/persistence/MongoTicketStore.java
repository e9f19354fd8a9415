package io.touchpoint.ticket.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.touchpoint.events.EventPayload;
import io.touchpoint.starter.consumer.AppliedEvents;
import io.touchpoint.starter.mongo.MongoQueries;
import io.touchpoint.starter.outbox.Outbox;
import io.touchpoint.starter.outbox.OutboxEvent;
import io.touchpoint.starter.outbox.OutboxRelays;
import io.touchpoint.ticket.application.TicketSearch;
import io.touchpoint.ticket.application.TicketStore;
import io.touchpoint.ticket.application.TicketWritten;
import io.touchpoint.ticket.domain.Ticket;
import io.touchpoint.ticket.domain.TicketChange;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Tickets in MongoDB: each change is one conditional update that also appends its events to the outbox. */
@Repository
class MongoTicketStore implements TicketStore {

    private final MongoTemplate mongo;

    private final OutboxRelays relays;

    private final ApplicationEventPublisher publisher;

    MongoTicketStore(MongoTemplate mongo, OutboxRelays relays, ApplicationEventPublisher publisher) {
        this.mongo = mongo;
        this.relays = relays;
        this.publisher = publisher;
    }

    @Override
    public Optional<Ticket> find(String tenantId, String id) {
        return Optional.ofNullable(mongo.findOne(byTenantAndId(tenantId, id), TicketDocument.class))
                .map(TicketMapping::toTicket);
    }

    @Override
    public boolean insert(TicketChange opened, String appliedEventId) {
        Ticket ticket = opened.ticket();
        try {
            // The starter's save listener hands the outbox to the relay right after the insert.
            mongo.insert(TicketMapping.toDocument(
                    ticket, outbox(ticket.tenantId(), opened.events()), List.of(appliedEventId)));
            publisher.publishEvent(new TicketWritten(ticket));
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    @Override
    public Write update(TicketChange change, long expectedVersion, String appliedEventId) {
        Ticket ticket = change.ticket();
        Query current = byTenantAndId(ticket.tenantId(), ticket.id())
                .addCriteria(where("version").is(expectedVersion));
        Update update = FieldUpdates.rewriting(
                mongo.getConverter(), TicketMapping.toDocument(ticket, null, null), TicketDocument.NOT_REWRITTEN);
        update.set("version", expectedVersion + 1);
        Outbox.append(update, outbox(ticket.tenantId(), change.events()));
        if (appliedEventId != null) {
            AppliedEvents.notApplied(current, appliedEventId);
            AppliedEvents.record(update, appliedEventId);
        }
        if (mongo.updateFirst(current, update, TicketDocument.class).getMatchedCount() == 1) {
            if (!change.events().isEmpty()) {
                relays.afterWrite(TicketDocument.COLLECTION, ticket.id());
            }
            publisher.publishEvent(new TicketWritten(ticket.withVersion(expectedVersion + 1)));
            return Write.WRITTEN;
        }
        boolean applied = appliedEventId != null
                && MongoQueries.exists(
                        mongo,
                        byTenantAndId(ticket.tenantId(), ticket.id())
                                .addCriteria(where(AppliedEvents.FIELD).is(appliedEventId)),
                        TicketDocument.class);
        return applied ? Write.ALREADY_APPLIED : Write.CONFLICT;
    }

    @Override
    public List<Ticket> search(TicketSearch search, int limit) {
        Query query = query(TicketCriteria.of(search))
                .with(Sort.by(search.newestFirst() ? Sort.Direction.DESC : Sort.Direction.ASC, "_id"))
                .limit(limit);
        query.fields().exclude(Outbox.FIELD, AppliedEvents.FIELD);
        return mongo.find(query, TicketDocument.class).stream()
                .map(TicketMapping::toTicket)
                .toList();
    }

    private static List<OutboxEvent> outbox(String tenantId, List<EventPayload> events) {
        return Outbox.events(tenantId, events.toArray(EventPayload[]::new));
    }

    private static Query byTenantAndId(String tenantId, String id) {
        return query(where("_id").is(id).and("tenantId").is(tenantId));
    }
}
