package io.touchpoint.starter.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.touchpoint.events.CloudEventHeaders;
import io.touchpoint.events.EventType;
import io.touchpoint.starter.cloudevents.CloudEvent;
import io.touchpoint.starter.cloudevents.CloudEventPublisher;
import io.touchpoint.starter.cloudevents.CloudEventReader;
import io.touchpoint.starter.cloudevents.ReceivedEvent;
import io.touchpoint.starter.cloudevents.SampleEvents;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.amqp.autoconfigure.RabbitProperties;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.function.observability.ObservationFunctionAroundWrapper;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;

/**
 * A Spring Cloud Stream consumer with the starter's binder defaults, on the real broker, applying events to a
 * MongoDB-protocol server: delivery is at least once, the effect once.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        classes = IdempotentConsumerIT.CounterService.class,
        properties = {
            "spring.application.name=counter-service",
            "spring.cloud.function.definition=onTicketEscalated",
            "spring.cloud.stream.bindings.onTicketEscalated-in-0.destination=touchpoint.ticket",
            "spring.cloud.stream.rabbit.bindings.onTicketEscalated-in-0.consumer.binding-routing-key=ticket.escalated"
        })
@RealInfrastructure
class IdempotentConsumerIT {

    private static final String COUNTERS = "escalation_counters";

    @Autowired
    private MongoTemplate mongo;

    @Autowired
    private CloudEventPublisher publisher;

    @Autowired
    private ProcessedEventStore processedEvents;

    @Autowired
    private Deliveries deliveries;

    @Autowired
    private CachingConnectionFactory connectionFactory;

    @Autowired
    private AtomicInteger readAttempts;

    @Autowired
    private RabbitProperties rabbitProperties;

    @Autowired
    private Tracer tracer;

    @Autowired
    private ObjectProvider<ObservationFunctionAroundWrapper> functionObservation;

    @Autowired
    private Map<String, TraceContext> consumedIn;

    @Test
    void eventDeliveredTwiceIsAppliedOnce() {
        String ticketId = "ticket-" + UUID.randomUUID();
        mongo.insert(new Document("_id", ticketId).append("escalations", 0), COUNTERS);
        CloudEvent event = CloudEvent.of("tenant-1", SampleEvents.escalated(ticketId));

        publisher.publish(event);
        publisher.publish(event);

        await().until(() -> deliveries.of(event.id()) == 2);
        Document counter = mongo.findById(ticketId, Document.class, COUNTERS);
        assertThat(counter.getInteger("escalations")).isEqualTo(1);
        assertThat(counter.getList(AppliedEvents.FIELD, String.class)).containsExactly(event.id());
    }

    @Test
    void theConsumerRunsInThePublishersTrace() {
        String ticketId = "ticket-" + UUID.randomUUID();
        mongo.insert(new Document("_id", ticketId).append("escalations", 0), COUNTERS);
        CloudEvent event = CloudEvent.of("tenant-1", SampleEvents.escalated(ticketId));
        Span publishing = tracer.nextSpan().name("publish-escalation").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(publishing)) {
            publisher.publish(event);
        } finally {
            publishing.end();
        }

        TraceContext consuming = await().until(() -> consumedIn.get(event.id()), context -> context != null);

        assertThat(consuming.traceId()).isEqualTo(publishing.context().traceId());
        assertThat(consuming.spanId()).isNotEqualTo(publishing.context().spanId());
    }

    @Test
    void onlyTheListenerObservesAConsumedMessage() {
        assertThat(functionObservation.getIfAvailable()).isNull();
    }

    @Test
    void concurrentDuplicatesOfAnUpdateApplyOnce() throws Exception {
        String ticketId = "ticket-" + UUID.randomUUID();
        mongo.insert(new Document("_id", ticketId).append("escalations", 0), COUNTERS);
        String eventId = UUID.randomUUID().toString();

        List<Boolean> applied = concurrently(
                16,
                () -> AppliedEvents.apply(
                        mongo,
                        query(where("_id").is(ticketId)),
                        eventId,
                        new Update().inc("escalations", 1),
                        Document.class,
                        COUNTERS));

        assertThat(applied).containsOnlyOnce(true);
        assertThat(mongo.findById(ticketId, Document.class, COUNTERS).getInteger("escalations"))
                .isEqualTo(1);
    }

    @Test
    void concurrentDuplicatesOfAnInsertApplyOnce() throws Exception {
        String eventId = UUID.randomUUID().toString();
        AtomicInteger effects = new AtomicInteger();

        List<Boolean> ran =
                concurrently(16, () -> processedEvents.runOnce("counter-service", eventId, effects::incrementAndGet));

        assertThat(ran).containsOnlyOnce(true);
        assertThat(effects).hasValue(1);
        assertThat(processedEvents.isProcessed("counter-service", eventId)).isTrue();
    }

    @Test
    void eventWhoseEffectFailedIsAppliedOnRedelivery() {
        String eventId = UUID.randomUUID().toString();
        AtomicInteger effects = new AtomicInteger();

        try {
            processedEvents.runOnce("counter-service", eventId, () -> {
                throw new IllegalStateException("downstream unavailable");
            });
        } catch (IllegalStateException expected) {
            // the binder retries the message
        }
        boolean ran = processedEvents.runOnce("counter-service", eventId, effects::incrementAndGet);

        assertThat(ran).isTrue();
        assertThat(effects).hasValue(1);
    }

    @Test
    void insertWithAnIdDerivedFromTheEventIsAppliedOnce() {
        String eventId = UUID.randomUUID().toString();
        Document reply = new Document("_id", ProcessedEventStore.key("counter-service", eventId)).append("text", "hi");

        assertThat(processedEvents.insertOnce(reply, "replies")).isTrue();
        assertThat(processedEvents.insertOnce(reply, "replies")).isFalse();
        assertThat(mongo.count(query(where("_id").is(reply.get("_id"))), "replies"))
                .isEqualTo(1);
    }

    @Test
    void messageThatIsNotACloudEventIsDeadLetteredWithoutRetries() {
        RabbitTemplate rabbit = new RabbitTemplate(connectionFactory);
        MessageProperties properties = new MessageProperties();
        properties.setContentType("application/json");
        properties.setHeader(CloudEventHeaders.TYPE, EventType.TICKET_ESCALATED.type());
        String marker = UUID.randomUUID().toString();
        properties.setHeader("test-marker", marker);
        int before = readAttempts.get();

        rabbit.send(
                "touchpoint.ticket",
                "ticket.escalated",
                new org.springframework.amqp.core.Message("{}".getBytes(StandardCharsets.UTF_8), properties));

        org.springframework.amqp.core.Message deadLettered = await().until(
                        () -> rabbit.receive("touchpoint.ticket.counter-service.dlq"), message -> message != null);
        assertThat(deadLettered.getMessageProperties().<String>getHeader("test-marker"))
                .isEqualTo(marker);
        assertThat(String.valueOf(deadLettered.getMessageProperties().<Object>getHeader("x-exception-stacktrace")))
                .contains("InvalidCloudEventException")
                .contains("cloudEvents_id");
        assertThat(readAttempts.get() - before).isEqualTo(1);
    }

    @Test
    void consumerQueueIsAQuorumQueueWithADeadLetterQueue() throws Exception {
        String queue = "touchpoint.ticket.counter-service";

        assertThat(queueInfo(queue)).contains("\"type\":\"quorum\"");
        assertThat(queueInfo(queue + ".dlq")).contains("\"type\":\"quorum\"");
    }

    private String queueInfo(String queue) throws Exception {
        String vhost = URLEncoder.encode(connectionFactory.getVirtualHost(), StandardCharsets.UTF_8);
        String credentials = Base64.getEncoder()
                .encodeToString((connectionFactory.getUsername() + ":" + rabbitProperties.getPassword())
                        .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://" + connectionFactory.getHost() + ":15672/api/queues/"
                                        + vhost + "/" + URLEncoder.encode(queue, StandardCharsets.UTF_8)))
                                .header("Authorization", "Basic " + credentials)
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("queue %s exists", queue).isEqualTo(200);
        return response.body().replace(" ", "");
    }

    private static <T> List<T> concurrently(int callers, Callable<T> call) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(callers);
        try {
            List<Future<T>> futures = executor.invokeAll(
                    IntStream.range(0, callers).mapToObj(i -> call).toList());
            List<T> results = new java.util.ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }

    /** A consuming service: counts escalations per ticket, once per event. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class CounterService {

        @Bean
        Deliveries deliveries() {
            return new Deliveries();
        }

        @Bean
        AtomicInteger readAttempts() {
            return new AtomicInteger();
        }

        /** The trace context each event was consumed in, by event id. */
        @Bean
        Map<String, TraceContext> consumedIn() {
            return new ConcurrentHashMap<>();
        }

        @Bean
        Consumer<Message<byte[]>> onTicketEscalated(
                CloudEventReader reader,
                MongoTemplate mongo,
                Deliveries deliveries,
                AtomicInteger readAttempts,
                Tracer tracer,
                Map<String, TraceContext> consumedIn) {
            return message -> {
                readAttempts.incrementAndGet();
                ReceivedEvent<?> event = reader.read(message, SampleEvents.TYPE);
                Span current = tracer.currentSpan();
                if (current != null) {
                    consumedIn.put(event.id(), current.context());
                }
                AppliedEvents.apply(
                        mongo,
                        query(where("_id").is(event.subject())),
                        event.id(),
                        new Update().inc("escalations", 1),
                        Document.class,
                        COUNTERS);
                deliveries.handled(event.id());
            };
        }
    }

    /**
     * The deliveries the consumer handled, per event: a delivery of an earlier test's event may still be finishing
     * when the next test starts, so a count over all events would not tell whose delivery it was.
     */
    static final class Deliveries {

        private final Map<String, AtomicInteger> byEventId = new ConcurrentHashMap<>();

        void handled(String eventId) {
            byEventId.computeIfAbsent(eventId, id -> new AtomicInteger()).incrementAndGet();
        }

        int of(String eventId) {
            AtomicInteger count = byEventId.get(eventId);
            return count == null ? 0 : count.get();
        }
    }
}
