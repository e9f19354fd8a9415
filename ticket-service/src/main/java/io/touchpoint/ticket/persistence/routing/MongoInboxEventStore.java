package io.touchpoint.ticket.persistence.routing;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.touchpoint.ticket.application.routing.InboxEventStore;
import io.touchpoint.ticket.domain.routing.InboxEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Agent inbox streams in MongoDB, as docs/adr/0007 describes for web chat: an append claims the next sequence by
 * inserting {@code tenant|agent|sequence}, trying the next one when another writer has it, so the stored sequences are
 * always 1…max without a hole; {@code agent_inbox_heads} keeps the last sequence ({@code $max}) only as a hint where
 * to start. Every read is a lookup of exact {@code _id}s.
 */
@Repository
class MongoInboxEventStore implements InboxEventStore {

    static final String HEADS = "agent_inbox_heads";

    private static final int MAX_ATTEMPTS = 1_000;

    private final MongoTemplate mongo;

    MongoInboxEventStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Appended append(InboxEvent event, String dedupeKey) {
        String stream = InboxEvent.stream(event.tenantId(), event.agentId());
        String scopedKey = dedupeKey != null ? stream + "|" + dedupeKey : null;
        long sequence = lastSequenceHint(stream) + 1;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++, sequence++) {
            InboxEvent numbered = event.withSequence(sequence);
            try {
                mongo.insert(InboxEventDocument.of(numbered, scopedKey));
            } catch (DuplicateKeyException taken) {
                if (scopedKey != null) {
                    InboxEventDocument existing =
                            mongo.findOne(query(where("dedupeKey").is(scopedKey)), InboxEventDocument.class);
                    if (existing != null) {
                        return new Appended(existing.toEvent(), false);
                    }
                }
                continue; // another event has this sequence: try the next one
            }
            mongo.upsert(query(where("_id").is(stream)), new Update().max("lastSequence", sequence), HEADS);
            return new Appended(numbered, true);
        }
        throw new IllegalStateException("could not append to the inbox of " + event.agentId());
    }

    @Override
    public List<InboxEvent> after(String tenantId, String agentId, long after, int limit) {
        List<String> keys = LongStream.rangeClosed(after + 1, after + limit)
                .mapToObj(sequence -> InboxEvent.key(tenantId, agentId, sequence))
                .toList();
        List<InboxEventDocument> found =
                new ArrayList<>(mongo.find(query(where("_id").in(keys)), InboxEventDocument.class));
        found.sort(Comparator.comparingLong(InboxEventDocument::sequence));
        List<InboxEvent> events = new ArrayList<>(found.size());
        long expected = after + 1;
        for (InboxEventDocument document : found) {
            if (document.sequence() != expected) {
                break; // cannot happen with gap-free appends; stop rather than skip
            }
            events.add(document.toEvent());
            expected++;
        }
        return events;
    }

    @Override
    public Set<String> existing(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        Query query = query(where("_id").in(keys));
        query.fields().include("_id");
        return mongo.find(query, Document.class, InboxEventDocument.COLLECTION).stream()
                .map(document -> document.getString("_id"))
                .collect(Collectors.toSet());
    }

    private long lastSequenceHint(String stream) {
        Document head = mongo.findOne(query(where("_id").is(stream)), Document.class, HEADS);
        return head != null && head.get("lastSequence") instanceof Number last ? last.longValue() : 0;
    }
}
