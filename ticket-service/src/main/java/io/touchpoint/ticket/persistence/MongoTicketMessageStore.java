package io.touchpoint.ticket.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.touchpoint.events.reply.ReplyRequested;
import io.touchpoint.starter.outbox.Outbox;
import io.touchpoint.ticket.application.TicketMessageStore;
import io.touchpoint.ticket.domain.TicketMessage;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
class MongoTicketMessageStore implements TicketMessageStore {

    private final MongoTemplate mongo;

    MongoTicketMessageStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void saveCustomerMessage(String tenantId, TicketMessage message) {
        try {
            mongo.insert(TicketMessageDocument.of(tenantId, message, null));
        } catch (DuplicateKeyException stored) {
            // Stored by an earlier or a concurrent delivery of the message; an id taken in another tenant is not.
            if (ticketOf(tenantId, message.id()).isEmpty()) {
                throw stored;
            }
        }
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
    public Optional<String> ticketOf(String tenantId, String id) {
        Query query = byTenantAndId(tenantId, id);
        query.fields().include("ticketId");
        return Optional.ofNullable(mongo.findOne(query, Document.class, TicketMessageDocument.COLLECTION))
                .map(found -> found.getString("ticketId"));
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
