package io.touchpoint.channel.persistence.outbound;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.touchpoint.channel.application.outbound.OutboundMessageStore;
import io.touchpoint.channel.domain.outbound.OutboundDelivery;
import io.touchpoint.channel.domain.outbound.OutboundDelivery.Change;
import io.touchpoint.channel.domain.outbound.OutboundMessage;
import io.touchpoint.channel.domain.outbound.OutboundMessage.Origin;
import io.touchpoint.events.Channel;
import io.touchpoint.events.EventPayload;
import io.touchpoint.starter.outbox.Outbox;
import io.touchpoint.starter.outbox.OutboxRelays;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Outbound messages in {@value OutboundMessageDocument#COLLECTION}, their pending part in
 * {@value OutboundQueueDocument#COLLECTION}. Each write touches one document; when two must follow each other (the
 * message, then its queue entry), the second is repaired by whoever next meets the first: a redelivered request
 * requeues a pending message, a claim of an entry whose message is no longer pending removes it.
 */
@Repository
class MongoOutboundMessageStore implements OutboundMessageStore {

    private final MongoTemplate mongo;

    private final OutboxRelays relays;

    MongoOutboundMessageStore(MongoTemplate mongo, OutboxRelays relays) {
        this.mongo = mongo;
        this.relays = relays;
    }

    @Override
    public boolean insertIfAbsent(OutboundDelivery delivery) {
        try {
            mongo.insert(toDocument(delivery));
            enqueue(delivery);
            return true;
        } catch (DuplicateKeyException stored) {
            OutboundDelivery existing = findById(delivery.id()).orElseThrow(() -> stored);
            if (existing.state().isPending()) {
                enqueue(existing); // in case the first delivery of the request stopped between the two writes
            }
            return false;
        }
    }

    @Override
    public Optional<OutboundDelivery> find(String tenantId, String id) {
        return Optional.ofNullable(mongo.findOne(
                        query(where("_id").is(id).and("tenantId").is(tenantId)), OutboundMessageDocument.class))
                .map(MongoOutboundMessageStore::toDelivery);
    }

    @Override
    public Optional<OutboundDelivery> findByProviderMessageId(String connectionId, String providerMessageId) {
        return Optional.ofNullable(mongo.findOne(
                        query(where("providerKey")
                                .is(OutboundMessageDocument.providerKey(connectionId, providerMessageId))),
                        OutboundMessageDocument.class))
                .map(MongoOutboundMessageStore::toDelivery);
    }

    @Override
    public Optional<Claim> claim(String id, Instant now, Duration lease) {
        return take(due(now).and("_id").is(id), null, now, lease);
    }

    @Override
    public List<Claim> claimDue(Channel channel, Instant now, Duration lease, int limit) {
        List<Claim> claims = new ArrayList<>();
        Sort longestDueFirst = Sort.by("dueAt");
        // Bounded by limit and by what is due; an entry whose message turned out not to be pending still counts.
        for (int i = 0; i < limit; i++) {
            Optional<OutboundQueueDocument> entry =
                    lease(due(now).and("channel").is(channel), longestDueFirst, now, lease);
            if (entry.isEmpty()) {
                break;
            }
            toClaim(entry.get(), now).ifPresent(claims::add);
        }
        return claims;
    }

    @Override
    public boolean complete(Claim claim, Change change) {
        OutboundDelivery before = claim.delivery();
        if (!write(change, before.version())) {
            return false;
        }
        OutboundDelivery after = change.delivery();
        Query held = heldBy(after.id(), claim.leaseToken());
        if (after.state().isPending()) {
            mongo.updateFirst(held, requeue(after.nextAttemptAt()), OutboundQueueDocument.class);
        } else {
            mongo.remove(held, OutboundQueueDocument.class);
        }
        return true;
    }

    @Override
    public void release(Claim claim, Instant dueAt) {
        mongo.updateFirst(
                heldBy(claim.delivery().id(), claim.leaseToken()), requeue(dueAt), OutboundQueueDocument.class);
    }

    @Override
    public boolean update(Change change, long expectedVersion) {
        return write(change, expectedVersion);
    }

    private Optional<Claim> take(Criteria criteria, Sort sort, Instant now, Duration lease) {
        return lease(criteria, sort, now, lease).flatMap(entry -> toClaim(entry, now));
    }

    private Optional<OutboundQueueDocument> lease(Criteria criteria, Sort sort, Instant now, Duration lease) {
        Query query = query(criteria);
        if (sort != null) {
            query.with(sort);
        }
        Update take = new Update()
                .set("leaseUntil", now.plus(lease))
                .set("leaseToken", UUID.randomUUID().toString());
        return Optional.ofNullable(mongo.findAndModify(
                query, take, FindAndModifyOptions.options().returnNew(true), OutboundQueueDocument.class));
    }

    /** The claim of a leased queue entry, or empty (and the entry settled) when its message is not due. */
    private Optional<Claim> toClaim(OutboundQueueDocument entry, Instant now) {
        Optional<OutboundDelivery> delivery = findById(entry.id());
        Query held = heldBy(entry.id(), entry.leaseToken());
        if (delivery.isEmpty() || !delivery.get().state().isPending()) {
            mongo.remove(held, OutboundQueueDocument.class);
            return Optional.empty();
        }
        Instant nextAttemptAt = delivery.get().nextAttemptAt();
        if (nextAttemptAt != null && nextAttemptAt.isAfter(now)) {
            // The entry was not requeued after the last attempt (a crash between the two writes).
            mongo.updateFirst(held, requeue(nextAttemptAt), OutboundQueueDocument.class);
            return Optional.empty();
        }
        return Optional.of(new Claim(delivery.get(), entry.leaseToken()));
    }

    private void enqueue(OutboundDelivery delivery) {
        Instant dueAt = delivery.nextAttemptAt() != null ? delivery.nextAttemptAt() : delivery.createdAt();
        try {
            mongo.upsert(
                    query(where("_id").is(delivery.id())),
                    new Update()
                            .setOnInsert("tenantId", delivery.message().tenantId())
                            .setOnInsert("channel", delivery.message().channel())
                            .setOnInsert("dueAt", dueAt),
                    OutboundQueueDocument.class);
        } catch (DuplicateKeyException queuedConcurrently) {
            // a concurrent redelivery queued it: that is all this wanted
        }
    }

    private boolean write(Change change, long expectedVersion) {
        OutboundDelivery delivery = change.delivery();
        Update update = new Update()
                .set("state", delivery.state())
                .set("attempts", delivery.attempts())
                .set("history", delivery.history())
                .set("version", delivery.version())
                .set("updatedAt", delivery.updatedAt());
        setOrUnset(update, "nextAttemptAt", delivery.nextAttemptAt());
        setOrUnset(update, "failure", delivery.failure());
        if (delivery.providerMessageId() != null) {
            update.set("providerMessageId", delivery.providerMessageId())
                    .set(
                            "providerKey",
                            OutboundMessageDocument.providerKey(
                                    delivery.message().connectionId(), delivery.providerMessageId()));
        }
        Outbox.append(update, delivery.message().tenantId(), change.events().toArray(EventPayload[]::new));
        boolean written = mongo.updateFirst(
                                query(where("_id")
                                        .is(delivery.id())
                                        .and("version")
                                        .is(expectedVersion)),
                                update,
                                OutboundMessageDocument.class)
                        .getMatchedCount()
                == 1;
        if (written && !change.events().isEmpty()) {
            relays.afterWrite(OutboundMessageDocument.COLLECTION, delivery.id());
        }
        return written;
    }

    private Optional<OutboundDelivery> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, OutboundMessageDocument.class))
                .map(MongoOutboundMessageStore::toDelivery);
    }

    private static Criteria due(Instant now) {
        return new Criteria()
                .orOperator(where("leaseUntil").is(null), where("leaseUntil").lt(now))
                .and("dueAt")
                .lte(now);
    }

    private static Query heldBy(String id, String leaseToken) {
        return query(where("_id").is(id).and("leaseToken").is(leaseToken));
    }

    private static Update requeue(Instant dueAt) {
        return new Update().set("dueAt", dueAt).unset("leaseUntil").unset("leaseToken");
    }

    private static void setOrUnset(Update update, String field, Object value) {
        if (value != null) {
            update.set(field, value);
        } else {
            update.unset(field);
        }
    }

    private static OutboundMessageDocument toDocument(OutboundDelivery delivery) {
        OutboundMessage message = delivery.message();
        return new OutboundMessageDocument(
                message.id(),
                message.tenantId(),
                message.connectionId(),
                message.channel(),
                message.recipient(),
                message.content(),
                message.template(),
                message.inReplyTo(),
                message.references(),
                message.replyId(),
                message.surveyId(),
                message.ticketId(),
                message.conversationId(),
                message.language(),
                delivery.state(),
                delivery.attempts(),
                delivery.nextAttemptAt(),
                delivery.providerMessageId(),
                OutboundMessageDocument.providerKey(message.connectionId(), delivery.providerMessageId()),
                delivery.failure(),
                delivery.history(),
                delivery.version(),
                delivery.createdAt(),
                delivery.updatedAt(),
                List.of());
    }

    private static OutboundDelivery toDelivery(OutboundMessageDocument document) {
        Origin origin =
                document.replyId() != null ? Origin.reply(document.replyId()) : Origin.survey(document.surveyId());
        return new OutboundDelivery(
                new OutboundMessage(
                        document.id(),
                        document.tenantId(),
                        document.connectionId(),
                        document.channel(),
                        document.recipient(),
                        document.content(),
                        document.template(),
                        document.inReplyTo(),
                        document.references(),
                        origin,
                        document.ticketId(),
                        document.conversationId(),
                        document.language()),
                document.state(),
                document.attempts(),
                document.nextAttemptAt(),
                document.providerMessageId(),
                document.failure(),
                document.history(),
                document.version(),
                document.createdAt(),
                document.updatedAt());
    }
}
