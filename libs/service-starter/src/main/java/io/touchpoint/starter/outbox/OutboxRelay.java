package io.touchpoint.starter.outbox;

import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.result.UpdateResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.touchpoint.starter.cloudevents.CloudEventPublisher;
import io.touchpoint.starter.cloudevents.OutgoingEvent;
import io.touchpoint.starter.cloudevents.PublishResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Publishes the events waiting in the {@code outbox} arrays of one collection and removes each only after the
 * broker confirmed it.
 *
 * <p>Safe with any number of replicas: a relay first takes a lease on each document it publishes, with an atomic
 * conditional update ({@code outboxLease: {owner, token, until}}, set only where no live lease is), publishes the
 * document's events in order, then pulls exactly the confirmed events and releases the lease, conditioned on still
 * holding it. Documents are handled in batches: one update leases them all (a batch of one is leased and read with one
 * {@code findAndModify}), one bulk write releases them all. If the lease was taken over meanwhile, nothing is pulled
 * and the new holder publishes again: an event may be delivered twice (consumers are idempotent), never lost. While
 * the broker is unreachable the document keeps its events, is left leased for the back-off delay, and the relay backs
 * off exponentially.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private static final String ID = "_id";

    private static final String PENDING = Outbox.FIELD + ".0";

    /** Documents leased, published and released together, with one round trip each. */
    static final int BATCH = 100;

    private final String collection;

    private final MongoOperations mongo;

    private final CloudEventPublisher publisher;

    private final String owner;

    private final Duration lease;

    /** A sweep leaves events younger than this to the publish their write triggered. */
    private final Duration sweepGrace;

    private final Backoff backoff;

    private final Clock clock;

    private final Counter published;

    private final Counter failures;

    private final AtomicLong lagMillis = new AtomicLong();

    public OutboxRelay(
            String collection,
            MongoOperations mongo,
            CloudEventPublisher publisher,
            String owner,
            OutboxProperties properties,
            MeterRegistry meters) {
        this(collection, mongo, publisher, owner, properties, meters, Clock.systemUTC());
    }

    OutboxRelay(
            String collection,
            MongoOperations mongo,
            CloudEventPublisher publisher,
            String owner,
            OutboxProperties properties,
            MeterRegistry meters,
            Clock clock) {
        this.collection = collection;
        this.mongo = mongo;
        this.publisher = publisher;
        this.owner = owner;
        this.lease = properties.lease();
        this.sweepGrace = properties.pollInterval();
        this.backoff = new Backoff(properties.pollInterval(), properties.maxBackoff());
        this.clock = clock;
        this.published = Counter.builder("touchpoint.outbox.published")
                .description("Outbox events confirmed by the broker")
                .tag("collection", collection)
                .register(meters);
        this.failures = Counter.builder("touchpoint.outbox.publish.failures")
                .description("Outbox events the broker did not confirm; they stay in the outbox and are retried")
                .tag("collection", collection)
                .register(meters);
        TimeGauge.builder("touchpoint.outbox.lag", lagMillis, TimeUnit.MILLISECONDS, AtomicLong::get)
                .description("Age of the oldest pending outbox event the last sweep saw")
                .tag("collection", collection)
                .register(meters);
    }

    public String collection() {
        return collection;
    }

    public String owner() {
        return owner;
    }

    /**
     * Publishes the pending events of these documents, typically right after the writes that added them: one update
     * leases every document that has events and no live lease, one query reads the leased ones (for a single document
     * one {@code findAndModify} does both), one publish sends all their events, and one bulk write removes the
     * confirmed events. Documents without events or held by another relay are skipped; nothing happens while the
     * relay is backing off (the sweep catches up).
     *
     * @return the number of events published
     */
    public int relay(Collection<?> documentIds) {
        return relayBatch(documentIds).published();
    }

    /**
     * Publishes the pending events of up to {@code maxDocuments} documents no other relay holds, in batches of
     * {@value #BATCH}, stopping at the first broker failure. Only documents whose oldest event is older than the poll
     * interval: younger ones are the business of the publish their write triggered, which a sweep would only race
     * (and a sweep that finds work keeps the sweeps at their fastest, see {@link SweepPace}). One query finds the
     * candidates, answered from the {@link #declareIndex() partial index}, however many documents the sweep publishes.
     *
     * @return the number of events published
     */
    public int sweep(int maxDocuments) {
        if (backoff.waiting(clock.instant())) {
            return 0;
        }
        List<Object> pending = pendingIds(clock.instant(), maxDocuments);
        int total = 0;
        long oldest = 0;
        for (int from = 0; from < pending.size(); from += BATCH) {
            Attempt attempt = relayBatch(pending.subList(from, Math.min(pending.size(), from + BATCH)));
            total += attempt.published();
            oldest = Math.max(oldest, attempt.oldestEventAge());
            if (attempt.brokerFailed()) {
                break;
            }
        }
        lagMillis.set(oldest);
        return total;
    }

    /**
     * Declares the index the sweep's query needs on MongoDB: partial, so it holds only the documents with pending
     * events (a handful, however large the collection), keyed by the oldest event's time. Idempotent. The stand-in
     * accepts it and answers the sweep its own way (it tracks the documents with pending events).
     */
    public void declareIndex() {
        documents()
                .createIndex(
                        Indexes.ascending(PENDING + ".time"),
                        new IndexOptions()
                                .name("outbox_pending")
                                .partialFilterExpression(new Document(PENDING, new Document("$exists", true))));
    }

    /** Whether the relay waits out a broker failure (relays and sweeps do nothing until it is over). */
    boolean backingOff() {
        return backoff.waiting(clock.instant());
    }

    private Attempt relayBatch(Collection<?> documentIds) {
        Instant now = clock.instant();
        if (documentIds.isEmpty() || backoff.waiting(now)) {
            return Attempt.NOTHING;
        }
        List<Lease> claimed = claim(documentIds, now);
        return claimed.isEmpty() ? Attempt.NOTHING : publish(claimed, now);
    }

    private List<Object> pendingIds(Instant now, int maxDocuments) {
        List<Object> ids = new ArrayList<>();
        // "Not younger than", rather than "older than": an entry without a time is swept too.
        Date youngest = Date.from(now.minus(sweepGrace));
        Document overdue = new Document(PENDING + ".time", new Document("$not", new Document("$gte", youngest)));
        documents()
                .find(claimable(overdue, now))
                .projection(Projections.include(ID))
                .limit(maxDocuments)
                .forEach(document -> ids.add(document.get(ID)));
        return ids;
    }

    /** {@code target}'s documents that have pending events and no lease, or an expired one. */
    private static Document claimable(Document target, Instant now) {
        return new Document(target)
                .append(PENDING, new Document("$exists", true))
                .append(
                        "$or",
                        List.of(
                                new Document(Outbox.LEASE_FIELD, null),
                                new Document(Outbox.LEASE_FIELD + ".until", new Document("$lt", Date.from(now)))));
    }

    private List<Lease> claim(Collection<?> documentIds, Instant now) {
        String token = UUID.randomUUID().toString();
        Document byIds = byIds(documentIds);
        Document lease =
                new Document("owner", owner).append("token", token).append("until", Date.from(now.plus(this.lease)));
        if (documentIds.size() == 1) {
            // The usual batch of a triggered publish: lease and read in one round trip.
            Document leased = documents()
                    .findOneAndUpdate(
                            claimable(byIds, now),
                            new Document("$set", new Document(Outbox.LEASE_FIELD, lease)),
                            new FindOneAndUpdateOptions()
                                    .projection(Projections.include(ID, Outbox.FIELD))
                                    .returnDocument(ReturnDocument.AFTER));
            return leased == null ? List.of() : List.of(new Lease(leased, token));
        }
        UpdateResult taken = documents()
                .updateMany(claimable(byIds, now), new Document("$set", new Document(Outbox.LEASE_FIELD, lease)));
        if (taken.getModifiedCount() == 0) {
            return List.of();
        }
        List<Lease> claimed = new ArrayList<>();
        documents()
                .find(byIds.append(Outbox.LEASE_FIELD + ".token", token))
                .projection(Projections.include(ID, Outbox.FIELD))
                .forEach(document -> claimed.add(new Lease(document, token)));
        return claimed;
    }

    private Attempt publish(List<Lease> claimed, Instant claimedAt) {
        List<OutgoingEvent> events = new ArrayList<>();
        Set<Object> withMalformed = new HashSet<>();
        int entries = 0;
        long oldest = 0;
        for (Lease lease : claimed) {
            oldest = Math.max(oldest, lease.oldestEventAge(claimedAt));
            for (Document entry : lease.entries()) {
                entries++;
                try {
                    events.add(OutboxEvent.fromDocument(entry).toOutgoing());
                } catch (RuntimeException e) {
                    withMalformed.add(lease.id());
                    log.error(
                            "outbox entry {} in {} {} cannot be published and stays in the outbox: {}",
                            entry.get(OutboxEvent.EVENT_ID),
                            collection,
                            lease.id(),
                            e.getMessage());
                }
            }
        }
        PublishResult result = publisher.publishAll(events);
        Instant now = clock.instant();
        Date parkedUntil;
        if (result.allConfirmed()) {
            backoff.succeeded();
            parkedUntil = null;
        } else {
            // Keep the documents (and their events) parked for the back-off delay, visible to every replica.
            Duration delay = backoff.failed(now);
            parkedUntil = Date.from(now.plus(delay));
            log.warn(
                    "outbox of {}: {} of {} events not published, retrying in {}: {}",
                    collection,
                    events.size() - result.confirmed().size(),
                    events.size(),
                    delay,
                    result.failure());
        }
        List<WriteModel<Document>> releases = new ArrayList<>(claimed.size());
        for (Lease lease : claimed) {
            releases.add(new UpdateOneModel<>(
                    new Document(ID, lease.id()).append(Outbox.LEASE_FIELD + ".token", lease.token()),
                    release(lease, result.confirmed(), parkedUntil, withMalformed.contains(lease.id()), now)));
        }
        BulkWriteResult written = documents().bulkWrite(releases, new BulkWriteOptions().ordered(false));
        if (written.getMatchedCount() < claimed.size()) {
            log.warn(
                    "leases on {} of {} documents in {} were taken over before their published events were "
                            + "removed; those events will be published again",
                    claimed.size() - written.getMatchedCount(),
                    claimed.size(),
                    collection);
        }
        published.increment(result.confirmed().size());
        if (entries > result.confirmed().size()) {
            failures.increment(entries - result.confirmed().size());
        }
        return new Attempt(result.confirmed().size(), !result.allConfirmed(), oldest);
    }

    /**
     * The update that ends a lease: pull the document's confirmed events, then release it; or keep it parked until
     * {@code parkedUntil} when the broker failed some of its events, or for a whole lease when one cannot be read.
     */
    private Document release(Lease held, Set<String> confirmed, Date parkedUntil, boolean malformed, Instant now) {
        List<String> eventIds = held.entries().stream()
                .map(entry -> entry.getString(OutboxEvent.EVENT_ID))
                .toList();
        List<String> done = eventIds.stream().filter(confirmed::contains).toList();
        Document update = new Document();
        if (!done.isEmpty()) {
            update.append(
                    "$pull", new Document(Outbox.FIELD, new Document(OutboxEvent.EVENT_ID, new Document("$in", done))));
        }
        if (parkedUntil != null && done.size() < eventIds.size()) {
            update.append("$set", new Document(Outbox.LEASE_FIELD + ".until", parkedUntil));
        } else if (malformed) {
            update.append("$set", new Document(Outbox.LEASE_FIELD + ".until", Date.from(now.plus(lease))));
        } else {
            update.append("$unset", new Document(Outbox.LEASE_FIELD, ""));
        }
        return update;
    }

    private MongoCollection<Document> documents() {
        return mongo.getCollection(collection);
    }

    private static Document byIds(Collection<?> documentIds) {
        // Spring Data stores a String id that is a valid ObjectId as an ObjectId; match either form.
        List<Object> values = new ArrayList<>(documentIds.size());
        for (Object id : documentIds) {
            values.add(id);
            if (id instanceof String text && ObjectId.isValid(text)) {
                values.add(new ObjectId(text));
            }
        }
        return new Document(ID, new Document("$in", values));
    }

    private record Attempt(int published, boolean brokerFailed, long oldestEventAge) {

        static final Attempt NOTHING = new Attempt(0, false, 0);
    }

    private record Lease(Document document, String token) {

        Object id() {
            return document.get(ID);
        }

        List<Document> entries() {
            return document.getList(Outbox.FIELD, Document.class, List.of());
        }

        long oldestEventAge(Instant now) {
            return entries().stream()
                    .map(entry -> entry.get("time"))
                    .filter(Date.class::isInstance) // an unreadable entry has no age
                    .mapToLong(time -> Math.max(0, now.toEpochMilli() - ((Date) time).getTime()))
                    .max()
                    .orElse(0);
        }
    }
}
