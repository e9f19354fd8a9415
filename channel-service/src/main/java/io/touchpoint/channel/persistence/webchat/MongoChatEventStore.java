package io.touchpoint.channel.persistence.webchat;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.touchpoint.channel.application.webchat.ChatEventStore;
import io.touchpoint.channel.domain.webchat.ChatEvent;
import io.touchpoint.channel.persistence.webchat.ChatEventDocument.Kind;
import java.time.Instant;
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
 * Conversation event streams in MongoDB, one document per event under {@code _id = <conversationId>|<sequence>}.
 *
 * <p>An append claims the next sequence by inserting that {@code _id}: the unique {@code _id} lets exactly one writer
 * have it, and a writer that loses tries the next one. A writer only tries {@code n + 1} after {@code n} exists, so
 * the stored sequences are always 1…max without a hole, even while appends race or after a writer died half way; a
 * reader never has to wait for or skip a sequence that was handed out but not written, which a counter incremented
 * before the insert would leave behind. The conversation's {@code lastSequence}, raised with {@code $max} after each
 * insert, only says where to start trying.
 *
 * <p>Every read is a lookup of exact {@code _id}s ({@code $in}), which both real MongoDB and the in-process stand-in
 * answer from the {@code _id} index, whatever the collection's size.
 */
@Repository
class MongoChatEventStore implements ChatEventStore {

    /** More lost races than this on one append means something else is wrong. */
    private static final int MAX_ATTEMPTS = 1_000;

    private final MongoTemplate mongo;

    MongoChatEventStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Appended append(String tenantId, String conversationId, ChatEvent.Body body, String dedupeKey, Instant at) {
        String scopedKey = dedupeKey != null ? conversationId + "|" + dedupeKey : null;
        long sequence = lastSequenceHint(conversationId) + 1;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++, sequence++) {
            ChatEvent event = new ChatEvent(conversationId, sequence, at, body);
            try {
                mongo.insert(toDocument(tenantId, event, scopedKey));
            } catch (DuplicateKeyException taken) {
                if (scopedKey != null) {
                    ChatEventDocument existing =
                            mongo.findOne(query(where("dedupeKey").is(scopedKey)), ChatEventDocument.class);
                    if (existing != null) {
                        return new Appended(toEvent(existing), false);
                    }
                }
                continue; // another event has this sequence: try the next one
            }
            mongo.updateFirst(
                    query(where("_id").is(conversationId)),
                    new Update().max("lastSequence", sequence),
                    ChatConversationDocument.class);
            return new Appended(event, true);
        }
        throw new IllegalStateException(
                "could not append to " + conversationId + " after " + MAX_ATTEMPTS + " attempts");
    }

    @Override
    public List<ChatEvent> after(String conversationId, long after, int limit) {
        List<String> keys = LongStream.rangeClosed(after + 1, after + limit)
                .mapToObj(sequence -> ChatEvent.key(conversationId, sequence))
                .toList();
        List<ChatEventDocument> found = new ArrayList<>(mongo.find(byIds(keys), ChatEventDocument.class));
        found.sort(Comparator.comparingLong(ChatEventDocument::sequence));
        List<ChatEvent> events = new ArrayList<>(found.size());
        long expected = after + 1;
        for (ChatEventDocument document : found) {
            if (document.sequence() != expected) {
                break; // cannot happen with gap-free appends; stop rather than skip
            }
            events.add(toEvent(document));
            expected++;
        }
        return events;
    }

    @Override
    public Set<String> existing(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        Query query = byIds(keys);
        query.fields().include("_id");
        return mongo.find(query, Document.class, ChatEventDocument.COLLECTION).stream()
                .map(document -> document.getString("_id"))
                .collect(Collectors.toSet());
    }

    private long lastSequenceHint(String conversationId) {
        Query query = query(where("_id").is(conversationId));
        query.fields().include("lastSequence");
        Document conversation = mongo.findOne(query, Document.class, ChatConversationDocument.COLLECTION);
        if (conversation == null || !(conversation.get("lastSequence") instanceof Number last)) {
            return 0;
        }
        return last.longValue();
    }

    private static Query byIds(Collection<String> keys) {
        return query(where("_id").in(keys));
    }

    private static ChatEventDocument toDocument(String tenantId, ChatEvent event, String dedupeKey) {
        if (event.body() instanceof ChatEvent.Message message) {
            return new ChatEventDocument(
                    event.key(),
                    tenantId,
                    event.conversationId(),
                    event.sequence(),
                    dedupeKey,
                    Kind.MESSAGE,
                    message.author(),
                    message.authorName(),
                    message.messageId(),
                    message.clientMessageId(),
                    message.replyId(),
                    message.content(),
                    null,
                    null,
                    null,
                    event.at());
        }
        if (event.body() instanceof ChatEvent.Typing typing) {
            return new ChatEventDocument(
                    event.key(),
                    tenantId,
                    event.conversationId(),
                    event.sequence(),
                    dedupeKey,
                    Kind.TYPING,
                    typing.author(),
                    typing.authorName(),
                    null,
                    null,
                    null,
                    null,
                    typing.active(),
                    null,
                    null,
                    event.at());
        }
        ChatEvent.Delivery delivery = (ChatEvent.Delivery) event.body();
        return new ChatEventDocument(
                event.key(),
                tenantId,
                event.conversationId(),
                event.sequence(),
                dedupeKey,
                Kind.DELIVERY,
                delivery.author(),
                null,
                null,
                null,
                null,
                null,
                null,
                delivery.messageSequence(),
                delivery.status(),
                event.at());
    }

    private static ChatEvent toEvent(ChatEventDocument document) {
        ChatEvent.Body body =
                switch (document.kind()) {
                    case MESSAGE -> new ChatEvent.Message(
                            document.author(),
                            document.authorName(),
                            document.messageId(),
                            document.clientMessageId(),
                            document.replyId(),
                            document.content());
                    case TYPING -> new ChatEvent.Typing(
                            document.author(), document.authorName(), Boolean.TRUE.equals(document.active()));
                    case DELIVERY -> new ChatEvent.Delivery(
                            document.author(), document.messageSequence(), document.status());
                };
        return new ChatEvent(document.conversationId(), document.sequence(), document.at(), body);
    }
}
