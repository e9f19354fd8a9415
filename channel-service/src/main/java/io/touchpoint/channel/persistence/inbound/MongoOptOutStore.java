package io.touchpoint.channel.persistence.inbound;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.touchpoint.channel.application.inbound.OptOutStore;
import io.touchpoint.events.Channel;
import java.time.Clock;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Consent records keyed by {@code tenant|channel|handle}. A change is one conditional upsert: it matches only a record
 * older than the change, and when a newer record exists the upsert's insert collides on {@code _id} and changes
 * nothing. No transaction, no read-then-write race.
 */
@Repository
class MongoOptOutStore implements OptOutStore {

    private final MongoTemplate mongo;

    private final Clock clock;

    MongoOptOutStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public boolean isOptedOut(String tenantId, Channel channel, String handleValue) {
        OptOutDocument document =
                mongo.findById(OptOutDocument.key(tenantId, channel, handleValue), OptOutDocument.class);
        return document != null && document.optedOut();
    }

    @Override
    public boolean record(
            String tenantId, Channel channel, String handleValue, boolean optedOut, Instant asOf, String messageId) {
        Query older = query(where("_id")
                .is(OptOutDocument.key(tenantId, channel, handleValue))
                .and("asOf")
                .lt(asOf));
        Update change = new Update()
                .set("tenantId", tenantId)
                .set("channel", channel)
                .set("handle", handleValue)
                .set("optedOut", optedOut)
                .set("asOf", asOf)
                .set("messageId", messageId)
                .set("updatedAt", clock.instant());
        try {
            var result = mongo.upsert(older, change, OptOutDocument.class);
            return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        } catch (DuplicateKeyException exists) {
            // A record for the handle exists and is not older, or was inserted concurrently: try it as an update once.
            return mongo.updateFirst(older, change, OptOutDocument.class).getModifiedCount() > 0;
        }
    }
}
