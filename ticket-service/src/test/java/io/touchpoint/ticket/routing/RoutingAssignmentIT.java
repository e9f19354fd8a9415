package io.touchpoint.ticket.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.touchpoint.events.EventType;
import io.touchpoint.events.ticket.TicketAssigned;
import io.touchpoint.starter.cloudevents.CloudEventPublisher;
import io.touchpoint.test.events.EventCapture;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import io.touchpoint.test.infrastructure.TestVirtualHost;
import io.touchpoint.ticket.application.routing.AgentLoadStore;
import io.touchpoint.ticket.application.routing.AgentStore;
import io.touchpoint.ticket.application.routing.TicketAssignment;
import io.touchpoint.ticket.application.routing.TicketAssignment.Outcome;
import io.touchpoint.ticket.domain.routing.Agent;
import io.touchpoint.ticket.domain.routing.Presence;
import io.touchpoint.ticket.support.Inbox;
import io.touchpoint.ticket.support.Interactions;
import io.touchpoint.ticket.support.TenantEvents;
import io.touchpoint.ticket.support.TicketApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Tickets opened by customers' messages on the real broker, routed to the agents of their team: skills, channels and
 * capacity respected, queues served by priority then age when a place frees, round robin and least loaded, and
 * capacity claims that hold when many assignments race for one agent.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "touchpoint.tenant-context.key=" + TicketApi.TENANT_CONTEXT_KEY)
@RealInfrastructure
class RoutingAssignmentIT {

    @LocalServerPort
    int port;

    @Autowired
    CloudEventPublisher publisher;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TestVirtualHost virtualHost;

    @Autowired
    TicketAssignment assignment;

    @Autowired
    AgentLoadStore loads;

    @Autowired
    AgentStore agents;

    String tenant;

    RoutingApi routing;

    Inbox inbox;

    EventCapture assignments;

    @BeforeEach
    void tenant() {
        tenant = "tenant_" + UUID.randomUUID().toString().substring(0, 8);
        routing = new RoutingApi(port, tenant);
        inbox = new Inbox(publisher, mongo);
        assignments = EventCapture.bind(virtualHost.connectionFactory(), EventType.TICKET_ASSIGNED);
    }

    @AfterEach
    void close() {
        assignments.close();
    }

    @Test
    void anAgentWithoutTheSkillOrAtCapacityIsSkippedAndTheTicketWaitsUntilAPlaceFrees() {
        String billing = routing.team("{\"name\": \"Billing\", \"skills\": [\"billing\"]}");
        String ada = routing.agent(agent("Ada", billing, 1, "\"skills\": [\"billing\"]"));
        String bob = routing.agent(agent("Bob", billing, 5, "\"skills\": [\"de\"]"));
        routing.presence(ada, "online");
        routing.presence(bob, "online");
        routing.settings(
                """
                {"defaultTeamId": "%s", "triageRules": [{"name": "Invoices",
                 "when": {"textContains": ["invoice"]}, "then": {"tags": ["billing"]}}]}"""
                        .formatted(billing));

        String first = inbox.deliver(tenant, Interactions.sms("+4915200000001", "My invoice is wrong"));
        awaitAssignee(first, ada);
        String second = inbox.deliver(tenant, Interactions.sms("+4915200000002", "Another Invoice question"));
        assertThat(awaitAssigned(second).get(0).assigneeId())
                .as("Ada is at capacity and Bob lacks billing: the ticket waits in the queue")
                .isNull();
        String third = inbox.deliver(tenant, Interactions.sms("+4915200000003", "Where is my parcel?"));
        awaitAssignee(third, bob);

        assertThat(routing.status(first, "resolved").statusCode()).isEqualTo(200);

        awaitAssignee(second, ada);
        List<TicketAssigned> events = awaitAssigned(second, 2);
        assertThat(events).extracting(TicketAssigned::teamId).containsOnly(billing);
        assertThat(events.get(1).previousAssigneeId()).isNull();
        assertThat(events.get(1).reason()).isEqualTo(TicketAssigned.Reason.ROUTING_RULE);
        assertThat(routing.openTicketsOf(ada)).isEqualTo(1);
        assertThat(routing.openTicketsOf(bob)).isEqualTo(1);
    }

    @Test
    void roundRobinTakesTurns() {
        String team = routing.team("{\"name\": \"Front line\", \"strategy\": \"round_robin\"}");
        String ada = routing.agent(agent("Ada", team, 10, null));
        String bob = routing.agent(agent("Bob", team, 10, null));
        routing.presence(ada, "online");
        routing.presence(bob, "online");
        routing.settings("{\"defaultTeamId\": \"" + team + "\"}");

        List<String> assignees = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String ticket = inbox.deliver(tenant, Interactions.sms("+491520000010" + i, "Question " + i));
            assignees.add(awaitAnyAssignee(ticket));
        }

        assertThat(assignees.get(0)).isNotEqualTo(assignees.get(1));
        assertThat(assignees).containsExactly(assignees.get(0), assignees.get(1), assignees.get(0), assignees.get(1));
    }

    @Test
    void leastLoadedGivesTheTicketToWhoeverHasFewest() {
        String team = routing.team("{\"name\": \"Returns\", \"strategy\": \"least_loaded\"}");
        String ada = routing.agent(agent("Ada", team, 10, null));
        String bob = routing.agent(agent("Bob", team, 10, null));
        routing.presence(ada, "online");
        routing.settings("{\"defaultTeamId\": \"" + team + "\"}");
        awaitAssignee(inbox.deliver(tenant, Interactions.sms("+4915200000201", "One")), ada);
        awaitAssignee(inbox.deliver(tenant, Interactions.sms("+4915200000202", "Two")), ada);

        routing.presence(bob, "online");

        awaitAssignee(inbox.deliver(tenant, Interactions.sms("+4915200000203", "Three")), bob);
        awaitAssignee(inbox.deliver(tenant, Interactions.sms("+4915200000204", "Four")), bob);
        assertThat(routing.openTicketsOf(ada)).isEqualTo(2);
        assertThat(routing.openTicketsOf(bob)).isEqualTo(2);
    }

    @Test
    void anAgentComingOnlinePullsTheMostUrgentWaitingTicketFirst() {
        String team = routing.team("{\"name\": \"Support\"}");
        String ada = routing.agent(agent("Ada", team, 1, null));
        routing.settings(
                """
                {"defaultTeamId": "%s", "triageRules": [{"name": "Outages",
                 "when": {"textMatches": "out(age|\\\\s+of\\\\s+service)"}, "then": {"priority": "urgent"}}]}"""
                        .formatted(team));
        String older = inbox.deliver(tenant, Interactions.sms("+4915200000301", "A question about my plan"));
        awaitAssigned(older);
        String urgent = inbox.deliver(tenant, Interactions.sms("+4915200000302", "Total OUTAGE here"));
        awaitAssigned(urgent);
        assertThat(routing.assigneeOf(older)).isNull();
        assertThat(routing.assigneeOf(urgent)).isNull();

        routing.presence(ada, "online");

        awaitAssignee(urgent, ada);
        assertThat(routing.assigneeOf(older)).as("Ada has room for one").isNull();

        assertThat(routing.admin()
                        .patchJson("/v1/tickets/agents/" + ada, "{\"capacity\": 2}", Map.of())
                        .statusCode())
                .isEqualTo(200);

        awaitAssignee(older, ada);
    }

    @Test
    void manyAssignmentsRacingForOneAgentGiveThemNoMoreThanTheirCapacity() throws Exception {
        String team = routing.team("{\"name\": \"Racing\"}");
        String ada = routing.agent(agent("Ada", team, 1, null));
        routing.settings("{\"defaultTeamId\": \"" + team + "\"}");
        List<String> tickets = IntStream.range(0, 8)
                .mapToObj(i -> inbox.deliver(tenant, Interactions.sms("+491520000040" + i, "Race " + i)))
                .toList();
        tickets.forEach(this::awaitAssigned);
        // Online without the pull that the API's presence change makes: the racers below do the assigning.
        loads.setPresence(tenant, ada, 1, Presence.ONLINE);

        List<Outcome> outcomes = race(tickets.stream()
                .map(ticket -> (Callable<Outcome>)
                        () -> assignment.routeWaiting(tenant, ticket, team).outcome())
                .toList());

        assertThat(outcomes).filteredOn(Outcome.ASSIGNED::equals).hasSize(1);
        assertThat(tickets.stream().map(routing::assigneeOf).filter(Objects::nonNull))
                .containsExactly(ada);
        assertThat(routing.openTicketsOf(ada)).isEqualTo(1);

        // More room, again without the API's pull: the agent as stored, then their load, as Agents#update does.
        Agent stored = agents.find(tenant, ada).orElseThrow();
        assertThat(agents.replace(
                        new Agent(
                                ada,
                                tenant,
                                stored.name(),
                                stored.principal(),
                                stored.skills(),
                                stored.channels(),
                                3,
                                stored.teamIds(),
                                stored.version() + 1,
                                stored.createdAt(),
                                Instant.now()),
                        stored.version()))
                .isTrue();
        loads.setCapacity(tenant, ada, 3);
        race(List.of(
                () -> {
                    assignment.drain(tenant, team);
                    return null;
                },
                () -> {
                    assignment.drain(tenant, team);
                    return null;
                }));

        assertThat(tickets.stream().map(routing::assigneeOf).filter(Objects::nonNull))
                .containsExactly(ada, ada, ada);
        assertThat(routing.openTicketsOf(ada)).isEqualTo(3);
    }

    @Test
    void aPlaceLeftTakenByACrashIsFreedWhenTheAgentLooksFull() {
        String team = routing.team("{\"name\": \"Recovery\"}");
        String ada = routing.agent(agent("Ada", team, 1, null));
        routing.presence(ada, "online");
        routing.settings("{\"defaultTeamId\": \"" + team + "\"}");
        // What a replica that died between claiming Ada's place and writing its ticket leaves behind.
        mongo.getCollection("agent_loads")
                .updateOne(
                        new Document("_id", tenant + "|" + ada),
                        new Document(
                                        "$set",
                                        new Document(
                                                "holds.tkt_lost",
                                                Date.from(Instant.now().minus(Duration.ofHours(1)))))
                                .append("$inc", new Document("free", -1)));
        assertThat(routing.openTicketsOf(ada)).isEqualTo(1);

        String ticket = inbox.deliver(tenant, Interactions.sms("+4915200000501", "Hello?"));

        awaitAssignee(ticket, ada);
        assertThat(routing.openTicketsOf(ada)).isEqualTo(1);
    }

    private static String agent(String name, String teamId, int capacity, String more) {
        return "{\"name\": \"%s\", \"teamIds\": [\"%s\"], \"capacity\": %d%s}"
                .formatted(name, teamId, capacity, more != null ? ", " + more : "");
    }

    private void awaitAssignee(String ticket, String agentId) {
        await("ticket " + ticket + " assigned to " + agentId)
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> routing.assigneeOf(ticket), agentId::equals);
    }

    private String awaitAnyAssignee(String ticket) {
        return await("ticket " + ticket + " assigned")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> routing.assigneeOf(ticket), Objects::nonNull);
    }

    /** The ticket's first {@code ticket.assigned} events once routing put it in a queue or with an agent. */
    private List<TicketAssigned> awaitAssigned(String ticket, int count) {
        return await("ticket.assigned for " + ticket)
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> TenantEvents.of(assignments, tenant, TicketAssigned.class).stream()
                                .filter(event -> event.ticketId().equals(ticket))
                                .toList(),
                        events -> events.size() >= count);
    }

    private List<TicketAssigned> awaitAssigned(String ticket) {
        return awaitAssigned(ticket, 1);
    }

    /** Runs every task at once, each on its own thread, and returns their results. */
    private static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
