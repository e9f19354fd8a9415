package io.touchpoint.ticket.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.touchpoint.ticket.application.privacy.PrivacyErasureStore;
import io.touchpoint.ticket.domain.privacy.PrivacyErasure;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Erasure in place, with multi-document updates scoped to the tenant. The documents keep their shape; the personal
 * values read {@value PrivacyErasure#ERASED}.
 */
@Repository
class MongoPrivacyErasureStore implements PrivacyErasureStore {

    private final MongoTemplate mongo;

    MongoPrivacyErasureStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<String> ticketsOf(String tenantId, PrivacyErasure erasure) {
        List<Criteria> customer = new ArrayList<>();
        customer.add(where("requester.profileId").is(erasure.profileId()));
        if (!erasure.handleValues().isEmpty()) {
            customer.add(where("requester.handle.value").in(erasure.handleValues()));
        }
        Query tickets = query(where("tenantId").is(tenantId).orOperator(customer));
        tickets.fields().include("_id");
        return mongo.find(tickets, Document.class, TicketDocument.COLLECTION).stream()
                .map(ticket -> ticket.getString("_id"))
                .toList();
    }

    @Override
    public long eraseMessages(String tenantId, List<String> ticketIds, PrivacyErasure erasure) {
        List<Criteria> customers = new ArrayList<>();
        if (!ticketIds.isEmpty()) {
            customers.add(where("ticketId").in(ticketIds));
        }
        if (!erasure.handleValues().isEmpty()) {
            customers.add(where("customer.value").in(erasure.handleValues()));
        }
        if (customers.isEmpty()) {
            return 0;
        }
        Update content = new Update()
                .set("content.text", PrivacyErasure.ERASED)
                .unset("content.html")
                .unset("content.subjectLine")
                .set("content.attachments", List.of());
        long erased = mongo.updateMulti(
                        query(where("tenantId").is(tenantId).orOperator(customers)),
                        content,
                        TicketMessageDocument.COLLECTION)
                .getModifiedCount();
        // Notes have no customer: only messages from or to the customer get their handle erased.
        Update handle =
                new Update().set("customer.value", PrivacyErasure.ERASED).unset("customer.displayName");
        mongo.updateMulti(
                query(where("tenantId")
                        .is(tenantId)
                        .and("customer.value")
                        .exists(true)
                        .orOperator(customers)),
                handle,
                TicketMessageDocument.COLLECTION);
        return erased;
    }

    @Override
    public long forgetThreadKeys(String tenantId, List<String> ticketIds) {
        if (ticketIds.isEmpty()) {
            return 0;
        }
        return mongo.remove(
                        query(where("tenantId").is(tenantId).and("ticketId").in(ticketIds)),
                        ThreadKeyDocument.COLLECTION)
                .getDeletedCount();
    }

    @Override
    public long eraseTickets(String tenantId, List<String> ticketIds) {
        if (ticketIds.isEmpty()) {
            return 0;
        }
        Update erased = new Update()
                .set("title", PrivacyErasure.ERASED)
                .set("requester.handle.value", PrivacyErasure.ERASED)
                .unset("requester.handle.displayName")
                .inc("version", 1);
        return mongo.updateMulti(
                        query(where("tenantId").is(tenantId).and("_id").in(ticketIds)),
                        erased,
                        TicketDocument.COLLECTION)
                .getModifiedCount();
    }
}
