package io.touchpoint.starter.outbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
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
import java.util.Date;
import java.util.List;
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
 * <p>Safe with any number of replicas: a relay first takes a lease on a document with an atomic
 * {@code findAndModify} ({@code outboxLease: {owner, token, until}}), publishes the document's events in order, then
 * in one update pulls exactly the confirmed events and releases the lease, conditioned on still holding it. If the
 * lease was taken over meanwhile, nothing is pulled and the new holder publishes again: an event may be delivered
 * twice (consumers are idempotent), never lost. While the broker is unreachable the document keeps its events, is
 * left leased for the back-off delay, and the relay backs off exponentially.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private static final String ID = "_id";

    private static final String PENDING = Outbox.FIELD + ".0";

    private final String collection;

    private final MongoOperations mongo;

    private final CloudEventPublisher publisher;

    private final String owner;

    private final Duration lease;

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
     * Publishes the pending events of one document, typically right after the write that added them. Does nothing
     * if the document has none, another relay holds it, or the relay is backing off (the sweep catches up).
     *
     * @return the number of events published
     */
    public int relay(Object documentId) {
        if (backoff.waiting(clock.instant())) {
            return 0;
        }
        Lease claimed = claim(byId(documentId));
        return claimed == null ? 0 : publish(claimed).published();
    }

    /**
     * Publishes the pending events of up to {@code maxDocuments} documents no other relay holds, stopping at the
     * first broker failure.
     *
     * @return the number of events published
     */
    public int sweep(int maxDocuments) {
        Instant now = clock.instant();
        if (backoff.waiting(now)) {
            return 0;
        }
        int total = 0;
        long oldest = 0;
        for (int i = 0; i < maxDocuments; i++) {
            Lease claimed = claim(new Document());
            if (claimed == null) {
                break;
            }
            oldest = Math.max(oldest, claimed.oldestEventAge(now));
            Attempt attempt = publish(claimed);
            total += attempt.published();
            if (attempt.brokerFailed()) {
                break;
            }
        }
        lagMillis.set(oldest);
        return total;
    }

    private Lease claim(Document target) {
        Instant now = clock.instant();
        String token = UUID.randomUUID().toString();
        Document filter = new Document(target)
                .append(PENDING, new Document("$exists", true))
                .append(
                        "$or",
                        List.of(
                                new Document(Outbox.LEASE_FIELD, null),
                                new Document(Outbox.LEASE_FIELD + ".until", new Document("$lt", Date.from(now)))));
        Document lease =
                new Document("owner", owner).append("token", token).append("until", Date.from(now.plus(this.lease)));
        Document document = documents()
                .findOneAndUpdate(
                        filter,
                        new Document("$set", new Document(Outbox.LEASE_FIELD, lease)),
                        new FindOneAndUpdateOptions()
                                .projection(Projections.include(ID, Outbox.FIELD))
                                .returnDocument(ReturnDocument.AFTER));
        return document == null ? null : new Lease(document, token);
    }

    private Attempt publish(Lease claimed) {
        List<OutgoingEvent> events = new ArrayList<>();
        boolean malformed = false;
        for (Document entry : claimed.entries()) {
            try {
                events.add(OutboxEvent.fromDocument(entry).toOutgoing());
            } catch (RuntimeException e) {
                malformed = true;
                log.error(
                        "outbox entry {} in {} {} cannot be published and stays in the outbox: {}",
                        entry.get(OutboxEvent.EVENT_ID),
                        collection,
                        claimed.id(),
                        e.getMessage());
            }
        }
        PublishResult result = publisher.publishAll(events);
        Instant now = clock.instant();
        Document update = new Document();
        if (!result.confirmed().isEmpty()) {
            update.append(
                    "$pull",
                    new Document(
                            Outbox.FIELD,
                            new Document(OutboxEvent.EVENT_ID, new Document("$in", List.copyOf(result.confirmed())))));
        }
        if (!result.allConfirmed()) {
            // Keep the document (and its events) parked for the back-off delay, visible to every replica.
            Duration delay = backoff.failed(now);
            update.append("$set", new Document(Outbox.LEASE_FIELD + ".until", Date.from(now.plus(delay))));
            log.warn(
                    "outbox of {} {}: {} of {} events not published, retrying in {}: {}",
                    collection,
                    claimed.id(),
                    events.size() - result.confirmed().size(),
                    events.size(),
                    delay,
                    result.failure());
        } else if (malformed) {
            backoff.succeeded();
            update.append("$set", new Document(Outbox.LEASE_FIELD + ".until", Date.from(now.plus(lease))));
        } else {
            backoff.succeeded();
            update.append("$unset", new Document(Outbox.LEASE_FIELD, ""));
        }
        UpdateResult written = documents()
                .updateOne(
                        new Document(ID, claimed.id()).append(Outbox.LEASE_FIELD + ".token", claimed.token()), update);
        if (written.getMatchedCount() == 0) {
            log.warn(
                    "lease on {} {} was taken over before its {} published events were removed; they will be "
                            + "published again",
                    collection,
                    claimed.id(),
                    result.confirmed().size());
        }
        published.increment(result.confirmed().size());
        int failed = claimed.entries().size() - result.confirmed().size();
        if (failed > 0) {
            failures.increment(failed);
        }
        return new Attempt(result.confirmed().size(), !result.allConfirmed());
    }

    private MongoCollection<Document> documents() {
        return mongo.getCollection(collection);
    }

    private static Document byId(Object documentId) {
        // Spring Data stores a String id that is a valid ObjectId as an ObjectId; match either form.
        if (documentId instanceof String id && ObjectId.isValid(id)) {
            return new Document(ID, new Document("$in", List.of(id, new ObjectId(id))));
        }
        return new Document(ID, documentId);
    }

    private record Attempt(int published, boolean brokerFailed) {}

    private record Lease(Document document, String token) {

        Object id() {
            return document.get(ID);
        }

        List<Document> entries() {
            return document.getList(Outbox.FIELD, Document.class, List.of());
        }

        long oldestEventAge(Instant now) {
            return entries().stream()
                    .map(entry -> entry.getDate("time"))
                    .filter(time -> time != null)
                    .mapToLong(time -> Math.max(0, now.toEpochMilli() - time.getTime()))
                    .max()
                    .orElse(0);
        }
    }
}
