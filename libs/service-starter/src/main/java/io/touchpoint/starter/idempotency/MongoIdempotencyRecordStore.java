package io.touchpoint.starter.idempotency;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Keeps idempotency records in the service's own database, collection {@code idempotency_keys}, one small document per
 * key with {@code _id = tenantId|key}: every access is an insert or a lookup by {@code _id}, so it stays O(1) on real
 * MongoDB and on the wire-protocol stand-in. Real MongoDB drops expired records through a TTL index; the stand-in has
 * no TTL, which is why callers also treat expired records as absent.
 */
public class MongoIdempotencyRecordStore implements IdempotencyRecordStore {

    public static final String COLLECTION = "idempotency_keys";

    private static final Logger log = LoggerFactory.getLogger(MongoIdempotencyRecordStore.class);
    private static final String IN_PROGRESS = "in_progress";
    private static final String COMPLETED = "completed";
    private static final int CLAIM_ATTEMPTS = 3;

    private final MongoOperations mongo;
    private final AtomicBoolean indexed = new AtomicBoolean();

    public MongoIdempotencyRecordStore(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<IdempotencyRecord> claim(IdempotencyRecord record) {
        ensureTtlIndex();
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            try {
                mongo.insert(toDocument(record), COLLECTION);
                return Optional.empty();
            } catch (DuplicateKeyException taken) {
                Document existing = mongo.findById(record.id(), Document.class, COLLECTION);
                if (existing != null) {
                    return Optional.of(toRecord(existing));
                }
                // removed between our insert and our read: try to claim it again
            }
        }
        throw new IllegalStateException("idempotency key " + record.id() + " keeps changing hands");
    }

    @Override
    public void complete(String id, StoredResponse response) {
        Document stored = new Document("status", response.status())
                .append("headers", new Document(new LinkedHashMap<>(response.headers())))
                .append("body", new Binary(response.body()));
        mongo.updateFirst(
                query(where("_id").is(id).and("status").is(IN_PROGRESS)),
                new Update().set("status", COMPLETED).set("response", stored),
                COLLECTION);
    }

    @Override
    public void release(String id) {
        mongo.remove(query(where("_id").is(id).and("status").is(IN_PROGRESS)), COLLECTION);
    }

    @Override
    public void evict(IdempotencyRecord stale) {
        mongo.remove(query(where("_id").is(stale.id()).and("createdAt").is(Date.from(stale.createdAt()))), COLLECTION);
    }

    /** Created lazily, so that a database that is down at start-up does not stop the service from starting. */
    private void ensureTtlIndex() {
        if (indexed.get()) {
            return;
        }
        try {
            mongo.indexOps(COLLECTION)
                    .createIndex(new Index()
                            .on("expiresAt", Sort.Direction.ASC)
                            .expire(Duration.ZERO)
                            .named("expiresAt_ttl"));
            indexed.set(true);
        } catch (DataAccessException e) {
            log.warn("Could not create the TTL index on {}; will try again: {}", COLLECTION, e.getMessage());
        }
    }

    private static Document toDocument(IdempotencyRecord record) {
        return new Document("_id", record.id())
                .append("requestHash", record.requestHash())
                .append("status", IN_PROGRESS)
                .append("createdAt", Date.from(record.createdAt()))
                .append("expiresAt", Date.from(record.expiresAt()))
                // Present from the start, so that completing the record replaces values and adds no field: the
                // stand-in serves reads from the live document, and a concurrent structural change breaks them.
                .append("response", null);
    }

    private static IdempotencyRecord toRecord(Document document) {
        StoredResponse response = null;
        if (COMPLETED.equals(document.getString("status")) && document.get("response") instanceof Document stored) {
            Map<String, String> headers = new LinkedHashMap<>();
            if (stored.get("headers") instanceof Document storedHeaders) {
                storedHeaders.forEach((name, value) -> headers.put(name, String.valueOf(value)));
            }
            response = new StoredResponse(stored.getInteger("status"), headers, bytes(stored.get("body")));
        }
        return new IdempotencyRecord(
                document.getString("_id"),
                document.getString("requestHash"),
                instant(document.get("createdAt")),
                instant(document.get("expiresAt")),
                response);
    }

    private static byte[] bytes(Object value) {
        if (value instanceof Binary binary) {
            return binary.getData();
        }
        return (value instanceof byte[] bytes) ? bytes : new byte[0];
    }

    private static Instant instant(Object value) {
        return (value instanceof Date date) ? date.toInstant() : Instant.EPOCH;
    }
}
