package io.touchpoint.ticket.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.touchpoint.events.reply.ReplyRequested;
import io.touchpoint.starter.outbox.Outbox;
import io.touchpoint.ticket.application.TicketMessageStore;
import io.touchpoint.ticket.domain.TicketMessage;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
class MongoTicketMessageStore implements TicketMessageStore {

    private static final Set<String> NOT_REWRITTEN = Set.of("_id", "tenantId", "outbox", "outboxLease");

    private final MongoTemplate mongo;

    MongoTicketMessageStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void saveCustomerMessage(String tenantId, TicketMessage message) {
        var document = TicketMessageDocument.of(tenantId, message, null);
        var update = FieldUpdates.rewriting(mongo.getConverter(), document, NOT_REWRITTEN);
        // The filter's _id and tenantId become the fields of a new document; a repeat rewrites the same values.
        mongo.upsert(byTenantAndId(tenantId, message.id()), update, TicketMessageDocument.class);
    }

    @Override
    public void insertReply(String tenantId, TicketMessage reply, ReplyRequested request) {
        // The starter's save listener hands the outbox to the relay right after the insert.
        mongo.insert(TicketMessageDocument.of(tenantId, reply, Outbox.events(tenantId, request)));
    }

    @Override
    public void insertNote(String tenantId, TicketMessage note) {
        mongo.insert(TicketMessageDocument.of(tenantId, note, null));
    }

    @Override
    public Optional<TicketMessage> find(String tenantId, String id) {
        return Optional.ofNullable(mongo.findOne(byTenantAndId(tenantId, id), TicketMessageDocument.class))
                .map(TicketMessageDocument::toMessage);
    }

    @Override
    public List<TicketMessage> page(String tenantId, List<String> ticketIds, String after, int limit) {
        Criteria criteria = where("tenantId").is(tenantId).and("ticketId").in(ticketIds);
        if (after != null) {
            criteria.and("position").gt(after);
        }
        Query query = query(criteria).with(Sort.by("position")).limit(limit);
        query.fields().exclude(Outbox.FIELD);
        return mongo.find(query, TicketMessageDocument.class).stream()
                .map(TicketMessageDocument::toMessage)
                .toList();
    }

    @Override
    public String position(TicketMessage message) {
        return TicketMessageDocument.position(message);
    }

    private static Query byTenantAndId(String tenantId, String id) {
        return query(where("_id").is(id).and("tenantId").is(tenantId));
    }
}
