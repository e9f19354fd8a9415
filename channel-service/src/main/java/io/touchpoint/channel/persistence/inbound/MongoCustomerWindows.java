package io.touchpoint.channel.persistence.inbound;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.touchpoint.channel.application.inbound.CustomerWindows;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

@Repository
class MongoCustomerWindows implements CustomerWindows {

    private final MongoTemplate mongo;

    MongoCustomerWindows(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void customerWrote(String tenantId, String connectionId, String handleValue, Instant at) {
        Query byKey = byKey(tenantId, connectionId, handleValue);
        Update update = new Update()
                .max("lastInboundAt", at.truncatedTo(ChronoUnit.MILLIS))
                .setOnInsert("tenantId", tenantId)
                .setOnInsert("connectionId", connectionId)
                .setOnInsert("handle", handleValue);
        try {
            mongo.upsert(byKey, update, CustomerWindowDocument.class);
        } catch (DuplicateKeyException concurrentInsert) {
            // Two messages of the customer at once, both inserting: the document exists now, so this updates it.
            mongo.upsert(byKey, update, CustomerWindowDocument.class);
        }
    }

    @Override
    public Optional<Instant> lastCustomerMessage(String tenantId, String connectionId, String handleValue) {
        return Optional.ofNullable(
                        mongo.findOne(byKey(tenantId, connectionId, handleValue), CustomerWindowDocument.class))
                .map(CustomerWindowDocument::lastInboundAt);
    }

    private static Query byKey(String tenantId, String connectionId, String handleValue) {
        return query(where("_id").is(CustomerWindowDocument.key(tenantId, connectionId, handleValue)));
    }
}
