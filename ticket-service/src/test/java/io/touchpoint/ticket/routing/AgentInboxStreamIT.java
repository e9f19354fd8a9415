package io.touchpoint.ticket.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.touchpoint.starter.cloudevents.CloudEventPublisher;
import io.touchpoint.tenancy.TenantContext;
import io.touchpoint.tenancy.TenantContextSigner;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import io.touchpoint.test.sse.SseClient;
import io.touchpoint.ticket.support.Inbox;
import io.touchpoint.ticket.support.Interactions;
import io.touchpoint.ticket.support.TicketApi;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * {@code GET /v1/tickets/realtime/inbox}: an agent's console hears of tickets given to and taken from them, of their
 * customers' messages and of status changes, and after a disconnect resumes with exactly what it missed.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "touchpoint.tenant-context.key=" + TicketApi.TENANT_CONTEXT_KEY)
@RealInfrastructure
class AgentInboxStreamIT {

    private static final String ADA = "ada@example.com";

    @LocalServerPort
    int port;

    @Autowired
    CloudEventPublisher publisher;

    @Autowired
    MongoTemplate mongo;

    String tenant;

    RoutingApi routing;

    Inbox inbox;

    String team;

    String ada;

    String bob;

    @BeforeEach
    void tenant() {
        tenant = "tenant_" + UUID.randomUUID().toString().substring(0, 8);
        routing = new RoutingApi(port, tenant);
        inbox = new Inbox(publisher, mongo);
        team = routing.team("{\"name\": \"Support\"}");
        ada = routing.agent("{\"name\": \"Ada\", \"principal\": \"" + ADA + "\", \"teamIds\": [\"" + team + "\"]}");
        bob = routing.agent("{\"name\": \"Bob\", \"teamIds\": [\"" + team + "\"]}");
        routing.presence(ada, "online");
        routing.settings("{\"defaultTeamId\": \"" + team + "\"}");
    }

    @Test
    void theInboxResumesAfterADisconnectWithExactlyTheEventsMissed() {
        TicketApi adaApi = TicketApi.forAgent(port, tenant, ADA, "agent");
        SseClient stream = open(ADA, Map.of());
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.header("Content-Type")).startsWith("text/event-stream");

        String first = inbox.deliver(tenant, Interactions.sms("+4915300000001", "My router is broken"));
        stream.awaitLastId(1);
        inbox.deliver(tenant, Interactions.sms("+4915300000001", "It blinks red"));
        List<SseClient.Event> live = stream.awaitLastId(2);
        assertThat(live).extracting(SseClient.Event::name).containsExactly("assigned", "message");
        assertThat(JsonPath.<String>read(live.get(0).data(), "$.ticketId")).isEqualTo(first);
        assertThat(JsonPath.<String>read(live.get(1).data(), "$.messageId")).startsWith("msg_");
        stream.close();

        assertThat(adaApi.postJson("/v1/tickets/" + first + "/status", "{\"status\": \"pending\"}")
                        .statusCode())
                .isEqualTo(200);
        String second = inbox.deliver(tenant, Interactions.sms("+4915300000002", "Invoice question"));
        try (SseClient peek = open(ADA, Map.of("Last-Event-ID", "3"))) {
            assertThat(JsonPath.<String>read(peek.awaitLastId(4).get(0).data(), "$.ticketId"))
                    .as("the second ticket is Ada's, and her console heard of it")
                    .isEqualTo(second);
        }
        assertThat(adaApi.postJson("/v1/tickets/" + first + "/transfer", "{\"agentId\": \"" + bob + "\"}")
                        .statusCode())
                .isEqualTo(200);

        SseClient resumed = open(ADA, Map.of("Last-Event-ID", "2"));
        List<SseClient.Event> missed = resumed.awaitLastId(5);

        assertThat(resumed.ids()).containsExactly(3L, 4L, 5L);
        assertThat(missed).extracting(SseClient.Event::name).containsExactly("status", "assigned", "unassigned");
        assertThat(JsonPath.<String>read(missed.get(0).data(), "$.status")).isEqualTo("pending");
        assertThat(JsonPath.<String>read(missed.get(1).data(), "$.ticketId")).isEqualTo(second);
        assertThat(JsonPath.<String>read(missed.get(2).data(), "$.ticketId")).isEqualTo(first);

        inbox.deliver(tenant, Interactions.sms("+4915300000002", "Any news?"));
        resumed.awaitLastId(6);
        assertThat(resumed.ids()).containsExactly(3L, 4L, 5L, 6L);
        resumed.close();
        try (SseClient fromTheStart = open(ADA, Map.of())) {
            assertThat(fromTheStart.awaitLastId(6)).hasSize(6);
        }
    }

    @Test
    void aCallerWhoIsNoAgentOfTheTenantIsNotFoundAndABadCursorIsABadRequest() {
        SseClient stranger = open("somebody-else", Map.of());
        assertThat(stranger.status()).isEqualTo(404);
        SseClient otherTenant = open(ADA, Map.of(), "tenant_other_" + tenant);
        assertThat(otherTenant.status()).isEqualTo(404);
        SseClient badCursor = open(ADA, Map.of("Last-Event-ID", "yesterday"));
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badCursor.header("Content-Type")).startsWith("application/problem+json");
    }

    private SseClient open(String principal, Map<String, String> headers) {
        return open(principal, headers, tenant);
    }

    private SseClient open(String principal, Map<String, String> headers, String tenantId) {
        TenantContextSigner signer =
                TenantContextSigner.fromSecret(TicketApi.TENANT_CONTEXT_KEY, Duration.ofSeconds(60), Clock.systemUTC());
        Map<String, String> signed = new HashMap<>(headers);
        signed.put(TenantContextSigner.HEADER, signer.sign(new TenantContext(tenantId, principal, Set.of("agent"))));
        return SseClient.open(URI.create("http://127.0.0.1:" + port + "/v1/tickets/realtime/inbox"), signed);
    }
}
