package io.touchpoint.ticket.persistence.routing;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.touchpoint.ticket.application.routing.TicketHandlingStore;
import io.touchpoint.ticket.domain.routing.Handler;
import io.touchpoint.ticket.domain.routing.TicketHandling;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

@Repository
class MongoTicketHandlingStore implements TicketHandlingStore {

    private final MongoTemplate mongo;

    MongoTicketHandlingStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<TicketHandling> find(String tenantId, String ticketId) {
        return Optional.ofNullable(
                        mongo.findById(TicketHandlingDocument.key(tenantId, ticketId), TicketHandlingDocument.class))
                .map(TicketHandlingDocument::toHandling);
    }

    @Override
    public Map<String, TicketHandling> findAll(String tenantId, Collection<String> ticketIds) {
        if (ticketIds.isEmpty()) {
            return Map.of();
        }
        var keys = ticketIds.stream()
                .map(id -> TicketHandlingDocument.key(tenantId, id))
                .toList();
        return mongo.find(query(where("_id").in(keys)), TicketHandlingDocument.class).stream()
                .map(TicketHandlingDocument::toHandling)
                .collect(Collectors.toMap(TicketHandling::ticketId, Function.identity()));
    }

    @Override
    public TicketHandling createIfAbsent(TicketHandling handling) {
        try {
            mongo.insert(TicketHandlingDocument.of(handling));
            return handling;
        } catch (DuplicateKeyException decidedElsewhere) {
            return find(handling.tenantId(), handling.ticketId()).orElseThrow();
        }
    }

    @Override
    public void botAnswers(String tenantId, String ticketId) {
        mongo.updateFirst(
                query(where("_id")
                        .is(TicketHandlingDocument.key(tenantId, ticketId))
                        .and("handler")
                        .is(Handler.UNDECIDED)),
                new Update().set("handler", Handler.BOT),
                TicketHandlingDocument.class);
    }

    @Override
    public void personAnswers(String tenantId, String ticketId, int level) {
        mongo.updateFirst(
                query(where("_id").is(TicketHandlingDocument.key(tenantId, ticketId))),
                new Update().set("handler", Handler.PERSON).max("escalationLevel", level),
                TicketHandlingDocument.class);
    }
}
