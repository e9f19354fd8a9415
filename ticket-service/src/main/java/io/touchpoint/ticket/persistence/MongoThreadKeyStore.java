package io.touchpoint.ticket.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.bulk.BulkWriteError;
import io.touchpoint.ticket.application.ThreadKeyStore;
import io.touchpoint.ticket.domain.ThreadKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

@Repository
class MongoThreadKeyStore implements ThreadKeyStore {

    /** Longer values (a pathological Message-ID) are stored by their SHA-256, keeping every {@code _id} small. */
    static final int MAX_PLAIN_VALUE_LENGTH = 300;

    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;

    private final Clock clock;

    MongoThreadKeyStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public Map<ThreadKey, String> find(String tenantId, Collection<ThreadKey> keys) {
        Map<String, ThreadKey> byId = new LinkedHashMap<>();
        keys.forEach(key -> byId.put(id(tenantId, key), key));
        Map<ThreadKey, String> found = new HashMap<>();
        mongo.find(query(where("_id").in(byId.keySet())), ThreadKeyDocument.class)
                .forEach(document -> found.put(byId.get(document.id()), document.ticketId()));
        return found;
    }

    @Override
    public String claim(String tenantId, ThreadKey key, String expected, String ticketId, List<ThreadKey> companions) {
        String id = id(tenantId, key);
        var now = clock.instant();
        if (expected == null) {
            List<ThreadKeyDocument> documents = new ArrayList<>(1 + companions.size());
            documents.add(new ThreadKeyDocument(id, tenantId, ticketId, now, now));
            companions.forEach(companion ->
                    documents.add(new ThreadKeyDocument(id(tenantId, companion), tenantId, ticketId, now, now)));
            try {
                // Ordered: a lost claim (the first insert) writes none of the companions.
                mongo.bulkOps(BulkMode.ORDERED, ThreadKeyDocument.class)
                        .insert(documents)
                        .execute();
                return ticketId;
            } catch (BulkOperationException stopped) {
                BulkWriteError first = stopped.getErrors().get(0);
                if (first.getCode() != DUPLICATE_KEY) {
                    throw stopped;
                }
                if (first.getIndex() == 0) {
                    return current(id);
                }
                // A companion leads somewhere already and keeps its ticket; the ones after it were not written.
                List<ThreadKey> rest = companions.subList(first.getIndex(), companions.size());
                if (!rest.isEmpty()) {
                    register(tenantId, rest, ticketId);
                }
                return ticketId;
            }
        }
        boolean won = mongo.updateFirst(
                                query(where("_id").is(id).and("ticketId").is(expected)),
                                new Update().set("ticketId", ticketId).set("updatedAt", now),
                                ThreadKeyDocument.class)
                        .getMatchedCount()
                == 1;
        if (!won) {
            return current(id);
        }
        if (!companions.isEmpty()) {
            register(tenantId, companions, ticketId);
        }
        return ticketId;
    }

    @Override
    public void register(String tenantId, Collection<ThreadKey> keys, String ticketId) {
        var now = clock.instant();
        List<ThreadKeyDocument> documents = keys.stream()
                .map(key -> new ThreadKeyDocument(id(tenantId, key), tenantId, ticketId, now, now))
                .toList();
        try {
            mongo.bulkOps(BulkMode.UNORDERED, ThreadKeyDocument.class)
                    .insert(documents)
                    .execute();
        } catch (BulkOperationException partly) {
            // A key that leads somewhere already keeps its ticket (claims move primary keys on); anything else fails.
            if (partly.getErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
                throw partly;
            }
        }
    }

    private String current(String id) {
        ThreadKeyDocument document = mongo.findById(id, ThreadKeyDocument.class);
        if (document == null) {
            throw new IllegalStateException("thread key " + id + " was claimed by another but is gone");
        }
        return document.ticketId();
    }

    static String id(String tenantId, ThreadKey key) {
        String value = key.value().length() > MAX_PLAIN_VALUE_LENGTH ? "sha256:" + sha256(key.value()) : key.value();
        return tenantId + "|" + key.kind().name().toLowerCase(Locale.ROOT) + "|" + value;
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
