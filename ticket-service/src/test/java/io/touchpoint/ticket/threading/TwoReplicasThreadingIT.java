package io.touchpoint.ticket.threading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.touchpoint.events.EventType;
import io.touchpoint.events.interaction.InteractionReceived;
import io.touchpoint.events.ticket.TicketCreated;
import io.touchpoint.starter.cloudevents.CloudEvent;
import io.touchpoint.starter.cloudevents.CloudEventPublisher;
import io.touchpoint.test.events.EventCapture;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import io.touchpoint.test.infrastructure.TestVirtualHost;
import io.touchpoint.ticket.TicketServiceApplication;
import io.touchpoint.ticket.application.InteractionThreading;
import io.touchpoint.ticket.application.InteractionThreading.Outcome;
import io.touchpoint.ticket.application.InteractionThreading.Threaded;
import io.touchpoint.ticket.support.Inbox;
import io.touchpoint.ticket.support.Interactions;
import io.touchpoint.ticket.support.TenantEvents;
import io.touchpoint.ticket.support.TicketApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Two replicas of ticket-service, competing consumers of one queue on the real broker and writers of one database,
 * threading the messages of a conversation nobody has seen yet, all at once: one ticket, every message on it once.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "touchpoint.tenant-context.key=" + TicketApi.TENANT_CONTEXT_KEY)
@RealInfrastructure
class TwoReplicasThreadingIT {

    private static final List<String> SHARED_PROPERTIES = List.of(
            "spring.rabbitmq.host",
            "spring.rabbitmq.port",
            "spring.rabbitmq.addresses",
            "spring.rabbitmq.username",
            "spring.rabbitmq.password",
            "spring.rabbitmq.virtual-host",
            "spring.mongodb.uri",
            "spring.mongodb.database",
            "touchpoint.tenant-context.key");

    private static ConfigurableApplicationContext secondReplica;

    @Autowired
    Environment environment;

    @Autowired
    CloudEventPublisher publisher;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TestVirtualHost virtualHost;

    @Autowired
    InteractionThreading firstThreading;

    @Autowired
    MeterRegistry firstMeters;

    String tenant;

    Inbox inbox;

    EventCapture created;

    @BeforeEach
    void replicas() {
        if (secondReplica == null) {
            // As command-line arguments, so that they win over application.yml like the test's own properties do.
            List<String> shared = new ArrayList<>();
            SHARED_PROPERTIES.forEach(name -> shared.add("--" + name + "=" + environment.getRequiredProperty(name)));
            shared.add("--server.port=0");
            secondReplica =
                    new SpringApplicationBuilder(TicketServiceApplication.class).run(shared.toArray(String[]::new));
        }
        tenant = "tenant_" + UUID.randomUUID().toString().substring(0, 8);
        inbox = new Inbox(publisher, mongo);
        created = EventCapture.bind(virtualHost.connectionFactory(), EventType.TICKET_CREATED);
    }

    @AfterEach
    void close() {
        if (created != null) {
            created.close();
        }
    }

    @AfterAll
    static void stopSecondReplica() {
        if (secondReplica != null) {
            secondReplica.close();
        }
    }

    @Test
    void aBurstOfMessagesOfANewConversationOpensOneTicket() throws Exception {
        String conversation = "cnv_burst_" + tenant;
        List<InteractionReceived> burst = IntStream.range(0, 40)
                .mapToObj(i -> Interactions.chat(conversation, "visitor-burst", "part " + i))
                .toList();
        double firstBefore = threaded(firstMeters);
        double secondBefore = threaded(secondMeters());

        publishConcurrently(burst);

        List<String> tickets = burst.stream().map(inbox::ticketOf).distinct().toList();
        assertThat(tickets).hasSize(1);
        assertThat(inbox.ticketsOf(tenant)).isEqualTo(1);
        assertThat(inbox.messagesOn(tenant, tickets.get(0))).isEqualTo(40);
        assertThat(threaded(firstMeters))
                .as("messages the first replica threaded")
                .isGreaterThan(firstBefore);
        assertThat(threaded(secondMeters()))
                .as("messages the second replica threaded")
                .isGreaterThan(secondBefore);
        assertOneTicketCreatedAnnounced(tickets.get(0));
    }

    @Test
    void concurrentCallsOnBothReplicasForANewCustomerOpenOneTicket() throws Exception {
        InteractionThreading secondThreading = secondReplica.getBean(InteractionThreading.class);
        List<InteractionReceived> messages = IntStream.range(0, 16)
                .mapToObj(i -> Interactions.sms("+4917600000042", "message " + i))
                .toList();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(messages.size());
        try {
            List<CompletableFuture<Threaded>> calls = IntStream.range(0, messages.size())
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> {
                                awaitStart(start);
                                return (i % 2 == 0 ? firstThreading : secondThreading).thread(tenant, messages.get(i));
                            },
                            callers))
                    .toList();
            start.countDown();
            List<Threaded> results = calls.stream().map(CompletableFuture::join).toList();

            assertThat(results)
                    .extracting(Threaded::ticketId)
                    .containsOnly(results.get(0).ticketId());
            assertThat(results).extracting(Threaded::outcome).containsOnlyOnce(Outcome.OPENED);
            assertThat(inbox.ticketsOf(tenant)).isEqualTo(1);
            assertThat(inbox.messagesOn(tenant, results.get(0).ticketId())).isEqualTo(16);
            assertOneTicketCreatedAnnounced(results.get(0).ticketId());
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void oneMessageDeliveredEightTimesToBothReplicasIsStoredOnce() throws Exception {
        InteractionReceived message = Interactions.chat("cnv_repeat_" + tenant, "visitor-repeat", "hello?");
        CloudEvent event = CloudEvent.of(tenant, message);
        double duplicatesBefore = duplicates(firstMeters) + duplicates(secondMeters());

        repeatConcurrently(() -> publisher.publish(event), 8);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> duplicates(firstMeters) + duplicates(secondMeters()) - duplicatesBefore >= 7);
        String ticket = inbox.ticketOf(message);
        assertThat(inbox.ticketsOf(tenant)).isEqualTo(1);
        assertThat(inbox.messagesOn(tenant, ticket)).isEqualTo(1);
        assertOneTicketCreatedAnnounced(ticket);
    }

    private void assertOneTicketCreatedAnnounced(String ticket) {
        TenantEvents.await(created, tenant, TicketCreated.class, 1);
        // Every outbox is empty once published; a second ticket.created would have been relayed with it.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> mongo.getCollection("tickets")
                                .countDocuments(new Document("tenantId", tenant)
                                        .append("outbox.0", new Document("$exists", true)))
                        == 0);
        assertThat(TenantEvents.of(created, tenant, TicketCreated.class))
                .singleElement()
                .extracting(TicketCreated::ticketId)
                .isEqualTo(ticket);
    }

    private void publishConcurrently(List<InteractionReceived> messages) throws Exception {
        ExecutorService publishers = Executors.newFixedThreadPool(8);
        try {
            CompletableFuture.allOf(messages.stream()
                            .map(message -> CompletableFuture.runAsync(() -> inbox.send(tenant, message), publishers))
                            .toArray(CompletableFuture[]::new))
                    .get();
        } finally {
            publishers.shutdownNow();
        }
    }

    private static void repeatConcurrently(Runnable publish, int times) throws Exception {
        ExecutorService publishers = Executors.newFixedThreadPool(times);
        try {
            CompletableFuture.allOf(IntStream.range(0, times)
                            .mapToObj(i -> CompletableFuture.runAsync(publish, publishers))
                            .toArray(CompletableFuture[]::new))
                    .get();
        } finally {
            publishers.shutdownNow();
        }
    }

    private static MeterRegistry secondMeters() {
        return secondReplica.getBean(MeterRegistry.class);
    }

    private static double threaded(MeterRegistry meters) {
        return meters.find("touchpoint.ticket.interactions.threaded").counters().stream()
                .mapToDouble(counter -> counter.count())
                .sum();
    }

    private static double duplicates(MeterRegistry meters) {
        return meters.find("touchpoint.ticket.interactions.threaded").tag("outcome", "duplicate").counters().stream()
                .mapToDouble(counter -> counter.count())
                .sum();
    }

    private static void awaitStart(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
