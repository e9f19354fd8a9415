package io.touchpoint.starter.consumer;

import io.touchpoint.starter.mongo.MongoQueries;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Remembers which events a consumer group has applied, for handlers whose effect is not an update of one existing
 * document (use {@link AppliedEvents} for those). A record is a document in {@value #COLLECTION} whose {@code _id} is
 * {@code consumerGroup|eventId}, so "insert if absent" is one O(1) unique-key write and a duplicate key means the
 * event was applied already.
 *
 * <p>Without multi-document transactions, a marker and a separate effect cannot be written atomically:
 * {@link #runOnce} removes the marker when the effect throws, but a crash between the two loses the effect. When the
 * effect is a single insert, make it atomic instead: give the inserted document {@link #key} as its {@code _id} (or
 * another unique key derived from the event) and use {@link #insertOnce}.
 */
public class ProcessedEventStore {

    public static final String COLLECTION = "processed_events";

    private static final Logger log = LoggerFactory.getLogger(ProcessedEventStore.class);

    private final MongoOperations mongo;

    private final Duration retention;

    private volatile boolean indexed;

    public ProcessedEventStore(MongoOperations mongo, Duration retention) {
        this.mongo = mongo;
        this.retention = retention;
    }

    /** The unique key of an event applied by a consumer group. */
    public static String key(String consumerGroup, String eventId) {
        return consumerGroup + "|" + eventId;
    }

    /** Records that {@code consumerGroup} applied {@code eventId}; false if it was recorded before. */
    public boolean markProcessed(String consumerGroup, String eventId) {
        if (!indexed) {
            createIndexes();
        }
        Document marker = new Document("_id", key(consumerGroup, eventId))
                .append("consumerGroup", consumerGroup)
                .append("eventId", eventId)
                .append("processedAt", Date.from(Instant.now()));
        try {
            mongo.insert(marker, COLLECTION);
            return true;
        } catch (DuplicateKeyException alreadyProcessed) {
            return false;
        }
    }

    public boolean isProcessed(String consumerGroup, String eventId) {
        return MongoQueries.exists(
                mongo, Query.query(Criteria.where("_id").is(key(consumerGroup, eventId))), COLLECTION);
    }

    /** Forgets an event, so that a redelivery applies it again. */
    public void forget(String consumerGroup, String eventId) {
        mongo.remove(Query.query(Criteria.where("_id").is(key(consumerGroup, eventId))), COLLECTION);
    }

    /**
     * Runs {@code effect} unless {@code consumerGroup} already applied {@code eventId}; if it throws, the event is
     * forgotten and the exception rethrown, so the message is retried and applied then.
     *
     * @return whether the effect ran now
     */
    public boolean runOnce(String consumerGroup, String eventId, Runnable effect) {
        if (!markProcessed(consumerGroup, eventId)) {
            return false;
        }
        try {
            effect.run();
            return true;
        } catch (RuntimeException | Error e) {
            forget(consumerGroup, eventId);
            throw e;
        }
    }

    /**
     * Inserts {@code document}, whose {@code _id} or a unique index is derived from the event it was created for.
     *
     * @return false if that document exists already: the event was applied before
     */
    public boolean insertOnce(Object document) {
        try {
            mongo.insert(document);
            return true;
        } catch (DuplicateKeyException alreadyApplied) {
            return false;
        }
    }

    /** Like {@link #insertOnce(Object)}, into {@code collection}. */
    public boolean insertOnce(Object document, String collection) {
        try {
            mongo.insert(document, collection);
            return true;
        } catch (DuplicateKeyException alreadyApplied) {
            return false;
        }
    }

    /** Declares the TTL index that expires old records on MongoDB (the in-process stand-in keeps them). */
    public void createIndexes() {
        indexed = true;
        try {
            mongo.indexOps(COLLECTION)
                    .createIndex(new Index()
                            .on("processedAt", org.springframework.data.domain.Sort.Direction.ASC)
                            .expire(retention.toSeconds(), TimeUnit.SECONDS)
                            .named("processedAt_ttl"));
        } catch (RuntimeException e) {
            log.warn("could not declare the TTL index of {}: {}", COLLECTION, e.getMessage());
        }
    }
}
