package io.touchpoint.ticket.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.touchpoint.events.interaction.InteractionReceived;
import io.touchpoint.starter.cloudevents.CloudEventPublisher;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import io.touchpoint.ticket.TicketServiceApplication;
import io.touchpoint.ticket.support.Inbox;
import io.touchpoint.ticket.support.Interactions;
import io.touchpoint.ticket.support.TicketApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Two replicas of ticket-service, competing consumers of one queue on the real broker and writers of one database,
 * routing a burst of new tickets into one team whose only agent has room for two: two are assigned, whichever replica
 * routed them, the rest wait; a place freed through either replica pulls the next.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "touchpoint.tenant-context.key=" + TicketApi.TENANT_CONTEXT_KEY)
@RealInfrastructure
class TwoReplicasRoutingIT {

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

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    CloudEventPublisher publisher;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry firstMeters;

    String tenant;

    RoutingApi routing;

    Inbox inbox;

    @BeforeEach
    void replicas() {
        if (secondReplica == null) {
            List<String> shared = new ArrayList<>();
            SHARED_PROPERTIES.forEach(name -> shared.add("--" + name + "=" + environment.getRequiredProperty(name)));
            shared.add("--server.port=0");
            secondReplica =
                    new SpringApplicationBuilder(TicketServiceApplication.class).run(shared.toArray(String[]::new));
        }
        tenant = "tenant_" + UUID.randomUUID().toString().substring(0, 8);
        routing = new RoutingApi(port, tenant);
        inbox = new Inbox(publisher, mongo);
    }

    @AfterAll
    static void stopSecondReplica() {
        if (secondReplica != null) {
            secondReplica.close();
        }
    }

    @Test
    void aBurstOfNewTicketsOnBothReplicasGivesTheAgentNoMoreThanTheirCapacity() throws Exception {
        String team = routing.team("{\"name\": \"Burst\"}");
        String ada = routing.agent("{\"name\": \"Ada\", \"capacity\": 2, \"teamIds\": [\"" + team + "\"]}");
        routing.presence(ada, "online");
        routing.settings("{\"defaultTeamId\": \"" + team + "\"}");
        List<InteractionReceived> burst = IntStream.range(0, 16)
                .mapToObj(i -> Interactions.sms("+49155000000" + (10 + i), "Burst " + i))
                .toList();
        double firstBefore = routed(firstMeters);
        double secondBefore = routed(secondReplica.getBean(MeterRegistry.class));

        publishConcurrently(burst);

        List<String> tickets = burst.stream().map(inbox::ticketOf).toList();
        await("every ticket routed to the team")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> tickets.stream().allMatch(ticket -> team.equals(routing.teamOf(ticket))));
        assertThat(tickets.stream().map(routing::assigneeOf).filter(Objects::nonNull))
                .containsExactly(ada, ada);
        assertThat(routing.openTicketsOf(ada)).isEqualTo(2);
        assertThat(routed(firstMeters)).as("tickets the first replica routed").isGreaterThan(firstBefore);
        assertThat(routed(secondReplica.getBean(MeterRegistry.class)))
                .as("tickets the second replica routed")
                .isGreaterThan(secondBefore);

        String assigned = tickets.stream()
                .filter(ticket -> ada.equals(routing.assigneeOf(ticket)))
                .findFirst()
                .orElseThrow();
        TicketApi throughSecond = TicketApi.forAgent(secondPort(), tenant, ada, "agent");
        assertThat(throughSecond
                        .postJson("/v1/tickets/" + assigned + "/status", "{\"status\": \"resolved\"}")
                        .statusCode())
                .isEqualTo(200);

        assertThat(tickets.stream().map(routing::assigneeOf).filter(Objects::nonNull))
                .as("the freed place was filled at once, and only it")
                .containsExactly(ada, ada, ada);
        assertThat(routing.openTicketsOf(ada)).isEqualTo(2);
    }

    private static int secondPort() {
        return Integer.parseInt(secondReplica.getEnvironment().getRequiredProperty("local.server.port"));
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

    private static double routed(MeterRegistry meters) {
        return meters.find("touchpoint.ticket.routing.assignments").counters().stream()
                .mapToDouble(counter -> counter.count())
                .sum();
    }
}
