package io.touchpoint.starter.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.touchpoint.events.CloudEventHeaders;
import io.touchpoint.starter.cloudevents.CloudEventMessages;
import io.touchpoint.starter.cloudevents.CloudEventPublisher;
import io.touchpoint.starter.cloudevents.CloudEventReader;
import io.touchpoint.starter.cloudevents.ReceivedEvent;
import io.touchpoint.starter.cloudevents.SampleEvents;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import io.touchpoint.test.net.TcpProxy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.amqp.autoconfigure.RabbitProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The outbox relay against the real broker and a MongoDB-protocol server. The service's own relay sweeps only once an
 * hour here, so an event that arrives within seconds was published because the write triggered the relay.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        classes = OutboxTestApplication.class,
        properties = {"spring.application.name=outbox-it", "touchpoint.outbox.poll-interval=1h"})
@RealInfrastructure
class OutboxRelayIT {

    private static final String EXCHANGE = SampleEvents.eventType().exchange().exchangeName();

    @Autowired
    private MongoTemplate mongo;

    @Autowired
    private OutboxRelays relays;

    @Autowired
    private CachingConnectionFactory connectionFactory;

    @Autowired
    private RabbitProperties rabbitProperties;

    @Autowired
    private CloudEventReader reader;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private Tracer tracer;

    private RabbitTemplate rabbit;

    private String queue;

    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @BeforeEach
    void bindQueueToTheTicketExchange() {
        RabbitAdmin admin = new RabbitAdmin(connectionFactory);
        TopicExchange exchange = new TopicExchange(EXCHANGE, true, false);
        Queue received = new Queue("outbox-it-" + UUID.randomUUID(), false, true, false);
        admin.declareExchange(exchange);
        admin.declareQueue(received);
        admin.declareBinding(BindingBuilder.bind(received).to(exchange).with("#"));
        queue = received.getName();
        rabbit = new RabbitTemplate(connectionFactory);
    }

    @AfterEach
    void closeWhatTheTestOpened() throws Exception {
        Collections.reverse(cleanup);
        for (AutoCloseable closeable : cleanup) {
            closeable.close();
        }
    }

    @Test
    void eventsWrittenWithAStateChangeArePublishedRightAwayAndLeaveTheOutbox() {
        String ticketId = "ticket-" + UUID.randomUUID();
        mongo.insert(new TicketDocument(ticketId, "tenant-1", "OPEN", List.of()));

        Update update = new Update().set("status", "ESCALATED");
        Outbox.append(update, "tenant-1", SampleEvents.escalated(ticketId));
        mongo.updateFirst(query(where("_id").is(ticketId)), update, TicketDocument.class);
        relays.afterWrite(TicketDocument.COLLECTION, ticketId);

        Message message = rabbit.receive(queue, Duration.ofSeconds(10).toMillis());
        assertThat(message).as("event published after the write").isNotNull();
        assertThat(message.getMessageProperties().getHeaders())
                .containsKeys(
                        CloudEventHeaders.ID,
                        CloudEventHeaders.SOURCE,
                        CloudEventHeaders.TIME,
                        CloudEventHeaders.SPEC_VERSION)
                .containsEntry(CloudEventHeaders.TYPE, SampleEvents.eventType().type())
                .containsEntry(CloudEventHeaders.SUBJECT, ticketId)
                .containsEntry(CloudEventHeaders.TENANT_ID, "tenant-1");
        assertThat(message.getMessageProperties().getContentType()).isEqualTo("application/json");
        assertThat(message.getMessageProperties().getReceivedRoutingKey())
                .isEqualTo(SampleEvents.eventType().routingKey());
        ReceivedEvent<?> event = reader.read(message, SampleEvents.TYPE);
        assertThat(event.payload()).isEqualTo(SampleEvents.escalated(ticketId));

        await().untilAsserted(() -> {
            TicketDocument stored = mongo.findById(ticketId, TicketDocument.class);
            assertThat(stored.status()).isEqualTo("ESCALATED");
            assertThat(stored.outbox()).isEmpty();
        });
        assertThat(mongo.findById(ticketId, Document.class, TicketDocument.COLLECTION))
                .doesNotContainKey(Outbox.LEASE_FIELD);
    }

    @Test
    void aPublishOfOneDocumentLeasesAndReadsItInOneRoundTrip() {
        // A collection of its own: the service's relays sweep the tickets collection when they start, at a moment
        // this test does not control, and that sweep's query would count as a read here.
        String collection = "single-" + UUID.randomUUID();
        OutboxRelay relay = relayThrough(connectionFactory.getPort(), collection, "single", new SimpleMeterRegistry());
        String documentId = "document-" + UUID.randomUUID();
        insertWithoutTrigger(collection, documentId, "tenant-1");
        double leased = commands(collection, "findAndModify");
        double updates = commands(collection, "update");
        double finds = commands(collection, "find");

        assertThat(relay.relay(List.of(documentId))).as("published").isEqualTo(1);

        assertThat(rabbit.receive(queue, Duration.ofSeconds(10).toMillis())).isNotNull();
        assertThat(commands(collection, "findAndModify") - leased)
                .as("leased and read")
                .isEqualTo(1);
        assertThat(commands(collection, "find") - finds)
                .as("reads besides the lease")
                .isZero();
        assertThat(commands(collection, "update") - updates).as("released").isEqualTo(1);
        Document released = mongo.findById(documentId, Document.class, collection);
        assertThat(released.getList(Outbox.FIELD, Document.class)).as("outbox").isEmpty();
        assertThat(released).doesNotContainKey(Outbox.LEASE_FIELD);
    }

    @Test
    void newDocumentSavedWithEventsHasThemPublishedWithoutAnExplicitTrigger() {
        String ticketId = "ticket-" + UUID.randomUUID();
        List<OutboxEvent> events = Outbox.events("tenant-2", SampleEvents.escalated(ticketId));

        mongo.insert(new TicketDocument(ticketId, "tenant-2", "ESCALATED", events));

        Message message = rabbit.receive(queue, Duration.ofSeconds(10).toMillis());
        assertThat(message).as("event published after the insert").isNotNull();
        assertThat(message.getMessageProperties().getHeaders())
                .containsEntry(CloudEventHeaders.ID, events.get(0).eventId())
                .containsEntry(CloudEventHeaders.TENANT_ID, "tenant-2")
                .as("written outside any trace")
                .doesNotContainKey(CloudEventMessages.TRACE_PARENT);
        await().until(() ->
                mongo.findById(ticketId, TicketDocument.class).outbox().isEmpty());
    }

    @Test
    void anEventCarriesTheTraceOfTheWriteThatCausedItThoughTheRelayPublishesItElsewhere() {
        String ticketId = "ticket-" + UUID.randomUUID();
        Span writing = tracer.nextSpan().name("escalate").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(writing)) {
            mongo.insert(new TicketDocument(
                    ticketId, "tenant-2", "ESCALATED", Outbox.events("tenant-2", SampleEvents.escalated(ticketId))));
        } finally {
            writing.end();
        }

        Message message = rabbit.receive(queue, Duration.ofSeconds(10).toMillis());

        assertThat(message).isNotNull();
        assertThat(message.getMessageProperties().<String>getHeader(CloudEventMessages.TRACE_PARENT))
                .startsWith("00-" + writing.context().traceId() + "-"
                        + writing.context().spanId() + "-");
    }

    @Test
    void oneBatchPublishesEveryReadableEventAndParksOnlyTheDocumentWithAnUnreadableEntry() {
        String collection = "batched";
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OutboxRelay relay = relayThrough(connectionFactory.getPort(), collection, "batcher", meters);
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = "readable-" + i + "-" + UUID.randomUUID();
            documents.add(new Document("_id", id)
                    .append(
                            Outbox.FIELD,
                            Outbox.events("tenant-1", SampleEvents.escalated(id)).stream()
                                    .map(OutboxEvent::toDocument)
                                    .toList()));
        }
        String brokenId = "broken-" + UUID.randomUUID();
        OutboxEvent readable =
                Outbox.events("tenant-1", SampleEvents.escalated(brokenId)).get(0);
        Document unreadable = new Document(OutboxEvent.EVENT_ID, "evt-unreadable").append("time", "yesterday");
        documents.add(new Document("_id", brokenId).append(Outbox.FIELD, List.of(readable.toDocument(), unreadable)));
        mongo.insert(documents, collection);
        Set<String> readableIds = documents.stream()
                .flatMap(document -> document.getList(Outbox.FIELD, Document.class).stream())
                .map(entry -> entry.getString(OutboxEvent.EVENT_ID))
                .filter(eventId -> !eventId.equals("evt-unreadable"))
                .collect(Collectors.toSet());

        int published = relay.relay(
                documents.stream().map(document -> document.get("_id")).toList());

        assertThat(published).isEqualTo(6);
        assertThat(drain().keySet()).as("confirmed, so already in the queue").isEqualTo(readableIds);
        for (Document document : documents.subList(0, 5)) {
            Document stored = mongo.findById(document.get("_id"), Document.class, collection);
            assertThat(stored.getList(Outbox.FIELD, Document.class)).isEmpty();
            assertThat(stored).doesNotContainKey(Outbox.LEASE_FIELD);
        }
        Document broken = mongo.findById(brokenId, Document.class, collection);
        assertThat(broken.getList(Outbox.FIELD, Document.class))
                .extracting(entry -> entry.getString(OutboxEvent.EVENT_ID))
                .containsExactly("evt-unreadable");
        assertThat(broken.get(Outbox.LEASE_FIELD, Document.class).getDate("until"))
                .as("parked for a lease, not retried at once")
                .isAfter(new Date());
        assertThat(relay.relay(List.of(brokenId))).as("still parked").isZero();
    }

    @Test
    void relaysDeclareThePartialIndexTheSweepNeeds() {
        await().untilAsserted(() -> assertThat(
                        mongo.getCollection(TicketDocument.COLLECTION).listIndexes())
                .anySatisfy(index -> {
                    assertThat(index.getString("name")).isEqualTo("outbox_pending");
                    assertThat(index.get("key", Document.class)).isEqualTo(new Document("outbox.0.time", 1));
                    assertThat(index.get("partialFilterExpression", Document.class))
                            .isEqualTo(new Document("outbox.0", new Document("$exists", true)));
                }));
    }

    @Test
    void aDocumentWrittenWithoutATriggerIsPublishedBySweepsThatHaveGoneIdle() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        String collection = "untriggered-" + UUID.randomUUID();
        startRelays(relayThrough(connectionFactory.getPort(), collection, "sweeper", meters));
        // Empty sweeps for a while: the pace slows from the 100 ms poll interval to the 400 ms idle interval.
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(3))
                .until(() -> published(meters, collection) == 0);

        String documentId = "conversation-" + UUID.randomUUID();
        List<OutboxEvent> events = insertWithoutTrigger(collection, documentId, "tenant-3");

        await().atMost(Duration.ofSeconds(5)).until(() -> mongo.findById(documentId, Document.class, collection)
                .getList(Outbox.FIELD, Document.class)
                .isEmpty());
        assertThat(drain()).isEqualTo(Map.of(events.get(0).eventId(), 1L));
        // The relay counts its publish after the write that empties the outbox, on its own thread.
        await().untilAsserted(() -> assertThat(published(meters, collection)).isEqualTo(1));
    }

    @Test
    void aSweepLeavesEventsYoungerThanThePollIntervalToThePublishTheirWriteTriggered() {
        String collection = "young-" + UUID.randomUUID();
        String documentId = "conversation-" + UUID.randomUUID();
        List<OutboxEvent> events = insertWithoutTrigger(collection, documentId, "tenant-4");
        Duration pollInterval = Duration.ofMinutes(10);

        int now = relayAt(collection, "sweeper-now", pollInterval, Clock.systemUTC())
                .sweep(10);
        int later = relayAt(collection, "sweeper-later", pollInterval, Clock.offset(Clock.systemUTC(), pollInterval))
                .sweep(10);

        assertThat(now).as("swept right after the write").isZero();
        assertThat(later).as("swept a poll interval after the write").isEqualTo(1);
        assertThat(drain()).isEqualTo(Map.of(events.get(0).eventId(), 1L));
    }

    @Test
    void eventsWrittenWhileTheBrokerIsUnreachableStayInTheDocumentAndArePublishedWhenItIsBack() throws Exception {
        TcpProxy proxy = TcpProxy.to(connectionFactory.getHost(), connectionFactory.getPort());
        proxy.start();
        cleanup.add(proxy);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OutboxRelays relaysBehindProxy =
                startRelays(relayThrough(proxy.port(), "conversations", "behind-proxy", meters));
        String conversationId = "conversation-" + UUID.randomUUID();
        mongo.insert(new Document("_id", conversationId).append("state", "open"), "conversations");

        proxy.cut();
        Update update = new Update().set("state", "escalated");
        Outbox.append(
                update, "tenant-1", SampleEvents.escalated(conversationId), SampleEvents.escalated(conversationId));
        assertThat(mongo.updateFirst(query(where("_id").is(conversationId)), update, "conversations")
                        .getModifiedCount())
                .as("the write succeeds with the broker unreachable")
                .isEqualTo(1);
        relaysBehindProxy.afterWrite("conversations", conversationId);

        await().until(() -> meters.counter("touchpoint.outbox.publish.failures", "collection", "conversations")
                        .count()
                > 0);
        Document whileCut = mongo.findById(conversationId, Document.class, "conversations");
        assertThat(whileCut.getString("state")).isEqualTo("escalated");
        List<String> written = whileCut.getList(Outbox.FIELD, Document.class).stream()
                .map(entry -> entry.getString("eventId"))
                .toList();
        assertThat(written).hasSize(2);
        assertThat(rabbit.receive(queue)).as("nothing reached the broker").isNull();

        proxy.restore();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.findById(conversationId, Document.class, "conversations")
                        .getList(Outbox.FIELD, Document.class)
                        .isEmpty());
        assertThat(drain()).isEqualTo(Map.of(written.get(0), 1L, written.get(1), 1L));
    }

    @Test
    void twoRelaysOnOneCollectionPublishEachEventOnce() throws Exception {
        String collection = "messages";
        List<Document> documents = IntStream.range(0, 200)
                .mapToObj(i -> {
                    String id = "message-" + i + "-" + UUID.randomUUID();
                    List<OutboxEvent> events =
                            Outbox.events("tenant-" + (i % 3), SampleEvents.escalated(id), SampleEvents.escalated(id));
                    return new Document("_id", id)
                            .append(
                                    Outbox.FIELD,
                                    events.stream().map(OutboxEvent::toDocument).toList());
                })
                .toList();
        Set<String> written = documents.stream()
                .flatMap(document -> document.getList(Outbox.FIELD, Document.class).stream())
                .map(entry -> entry.getString("eventId"))
                .collect(Collectors.toSet());
        mongo.insert(documents, collection);
        SimpleMeterRegistry metersA = new SimpleMeterRegistry();
        SimpleMeterRegistry metersB = new SimpleMeterRegistry();

        OutboxRelays replicaA =
                startRelays(relayThrough(connectionFactory.getPort(), collection, "replica-a", metersA));
        OutboxRelays replicaB =
                startRelays(relayThrough(connectionFactory.getPort(), collection, "replica-b", metersB));
        // Both replicas are also told about every write, so they race for the same documents by id too.
        documents.forEach(document -> {
            replicaA.afterWrite(collection, document.get("_id"));
            replicaB.afterWrite(collection, document.get("_id"));
        });

        await().atMost(Duration.ofSeconds(60))
                .until(() -> mongo.count(query(where(Outbox.FIELD + ".0").exists(true)), collection) == 0);
        // The relays count their publishes after the write that empties the outbox, on their own threads; once the
        // counts are in, stopping the relays lets any publish still in flight finish before the totals are read.
        await().until(() -> published(metersA, collection) + published(metersB, collection) >= 400);
        replicaA.stop();
        replicaB.stop();
        Map<String, Long> received = drain();
        assertThat(received.keySet()).isEqualTo(written);
        assertThat(received.values()).as("deliveries per event id").containsOnly(1L);
        assertThat(published(metersA, collection)).as("replica A published").isPositive();
        assertThat(published(metersB, collection)).as("replica B published").isPositive();
        assertThat(published(metersA, collection) + published(metersB, collection))
                .isEqualTo(400);
    }

    /**
     * Inserts a document with one pending event straight into its collection, as if its writer had crashed before
     * triggering the relay: no save event, no {@code afterWrite}. Returns the event.
     */
    private List<OutboxEvent> insertWithoutTrigger(String collection, String documentId, String tenantId) {
        List<OutboxEvent> events = Outbox.events(tenantId, SampleEvents.escalated(documentId));
        mongo.getCollection(collection)
                .insertOne(new Document("_id", documentId)
                        .append(
                                Outbox.FIELD,
                                events.stream().map(OutboxEvent::toDocument).toList()));
        return events;
    }

    private OutboxRelay relayThrough(int port, String collection, String owner, SimpleMeterRegistry meters) {
        return new OutboxRelay(collection, mongo, publisherThrough(port, meters), owner, fastRelayProperties(), meters);
    }

    /** A relay on the test's broker, with its own poll interval and clock. */
    private OutboxRelay relayAt(String collection, String owner, Duration pollInterval, Clock clock) {
        OutboxProperties properties = new OutboxProperties(
                true, List.of(), pollInterval, pollInterval, Duration.ofSeconds(30), Duration.ofSeconds(1), 1, 50);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        return new OutboxRelay(
                collection,
                mongo,
                publisherThrough(connectionFactory.getPort(), meters),
                owner,
                properties,
                meters,
                clock);
    }

    private CloudEventPublisher publisherThrough(int port, SimpleMeterRegistry meters) {
        CachingConnectionFactory factory = new CachingConnectionFactory(connectionFactory.getHost(), port);
        factory.setVirtualHost(connectionFactory.getVirtualHost());
        factory.setUsername(connectionFactory.getUsername());
        factory.setPassword(rabbitProperties.getPassword());
        factory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        factory.setPublisherReturns(true);
        cleanup.add(factory::destroy);
        return new CloudEventPublisher(factory, Duration.ofSeconds(2), meters);
    }

    private OutboxRelays startRelays(OutboxRelay relay) {
        OutboxRelays started = new OutboxRelays(List.of(relay), fastRelayProperties());
        started.start();
        cleanup.add(started::stop);
        return started;
    }

    private static OutboxProperties fastRelayProperties() {
        return new OutboxProperties(
                true,
                List.of(),
                Duration.ofMillis(100),
                Duration.ofMillis(400),
                Duration.ofSeconds(30),
                Duration.ofSeconds(1),
                1,
                50);
    }

    private static double published(SimpleMeterRegistry meters, String collection) {
        return meters.counter("touchpoint.outbox.published", "collection", collection)
                .count();
    }

    /** Everything in the test queue, counted per CloudEvents id. */
    private Map<String, Long> drain() {
        List<Message> messages = new ArrayList<>();
        for (Message message = rabbit.receive(queue); message != null; message = rabbit.receive(queue)) {
            messages.add(message);
        }
        return messages.stream()
                .map(message -> (String) message.getMessageProperties().getHeader(CloudEventHeaders.ID))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /** The commands of {@code name} sent on {@code collection}, from the MongoDB driver's metrics. */
    private double commands(String collection, String name) {
        Timer sent = meters.find("mongodb.driver.commands")
                .tags("collection", collection, "command", name)
                .timer();
        return sent == null ? 0 : sent.count();
    }
}
