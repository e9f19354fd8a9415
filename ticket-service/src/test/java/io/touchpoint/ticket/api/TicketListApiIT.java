package io.touchpoint.ticket.api;

import static io.touchpoint.ticket.api.TicketLifecycleApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.touchpoint.starter.cloudevents.CloudEventPublisher;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import io.touchpoint.ticket.support.Inbox;
import io.touchpoint.ticket.support.Interactions;
import io.touchpoint.ticket.support.TicketApi;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/** {@code GET /v1/tickets}: filters named after the fields, cursor pagination, creation order either way. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "touchpoint.tenant-context.key=" + TicketApi.TENANT_CONTEXT_KEY)
@RealInfrastructure
class TicketListApiIT {

    @LocalServerPort
    int port;

    @Autowired
    CloudEventPublisher publisher;

    @Autowired
    MongoTemplate mongo;

    TicketApi agent;

    String sms;

    String email;

    String chat;

    Instant beforeChat;

    @BeforeEach
    void threeTickets() {
        String tenant = "tenant_" + UUID.randomUUID().toString().substring(0, 8);
        agent = TicketApi.forTenant(port, tenant);
        Inbox inbox = new Inbox(publisher, mongo);
        sms = inbox.deliver(tenant, Interactions.sms("+4915100000020", "First"));
        email = inbox.deliver(
                tenant, Interactions.email("maria@example.com", "Second", Interactions.emailId(), null, List.of()));
        beforeChat = Instant.now();
        chat = inbox.deliver(tenant, Interactions.chat("cnv_list_" + tenant, "visitor-20", "Third"));
        patch(
                email,
                "{\"priority\": \"high\", \"tags\": [\"vip\"], \"teamId\": \"team_a\", \"assigneeId\": \"agt_ada\"}");
        agent.postJson("/v1/tickets/" + chat + "/status", "{\"status\": \"pending\"}");
    }

    @Test
    void everyFilterNarrowsTheList() {
        assertThat(ids("")).containsExactly(sms, email, chat);
        assertThat(ids("?status=new")).containsExactly(sms, email);
        assertThat(ids("?status=pending,open")).containsExactly(chat);
        assertThat(ids("?status=pending&status=new")).containsExactly(sms, email, chat);
        assertThat(ids("?priority=high")).containsExactly(email);
        assertThat(ids("?channel=web_chat")).containsExactly(chat);
        assertThat(ids("?channel=sms,email")).containsExactly(sms, email);
        assertThat(ids("?assignee=agt_ada")).containsExactly(email);
        assertThat(ids("?assignee=none")).containsExactly(sms, chat);
        assertThat(ids("?team=team_a")).containsExactly(email);
        assertThat(ids("?tag=VIP")).containsExactly(email);
        assertThat(ids("?customer=" + encode("+4915100000020"))).containsExactly(sms);
        assertThat(ids("?createdAfter=" + beforeChat)).containsExactly(chat);
        assertThat(ids("?createdBefore=" + beforeChat)).containsExactly(sms, email);
        assertThat(ids("?updatedAfter=" + beforeChat + "&status=new")).containsExactly(email);
        assertThat(ids("?tag=no+such+tag")).isEmpty();
    }

    @Test
    void pagesFollowTheCursorInEitherOrder() {
        HttpResponse<String> first = agent.get("/v1/tickets?limit=2");
        assertThat(JsonPath.<List<String>>read(first.body(), "$.data[*].id")).containsExactly(sms, email);
        String next = JsonPath.read(first.body(), "$.next");
        HttpResponse<String> second = agent.get("/v1/tickets?limit=2&after=" + next);
        assertThat(JsonPath.<List<String>>read(second.body(), "$.data[*].id")).containsExactly(chat);
        assertThat(second.body()).doesNotContain("\"next\"");

        HttpResponse<String> newest = agent.get("/v1/tickets?limit=2&sort=-createdAt");
        assertThat(JsonPath.<List<String>>read(newest.body(), "$.data[*].id")).containsExactly(chat, email);
        String older = JsonPath.read(newest.body(), "$.next");
        assertThat(ids("?limit=2&sort=-createdAt&after=" + older)).containsExactly(sms);
    }

    @Test
    void badListParametersAreProblems() {
        assertProblem(agent.get("/v1/tickets?limit=0"), 400, "validation_failed");
        assertProblem(agent.get("/v1/tickets?limit=201"), 400, "validation_failed");
        assertProblem(agent.get("/v1/tickets?after=%21%21"), 400, "invalid_cursor");
        assertProblem(agent.get("/v1/tickets?status=sleeping"), 400, "invalid_parameter");
        assertProblem(agent.get("/v1/tickets?createdAfter=yesterday"), 400, "invalid_parameter");
        assertProblem(agent.get("/v1/tickets?sort=-title"), 400, "validation_failed");
    }

    private List<String> ids(String query) {
        HttpResponse<String> response = agent.get("/v1/tickets" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonPath.read(response.body(), "$.data[*].id");
    }

    private void patch(String ticket, String json) {
        HttpResponse<String> response = agent.patchJson("/v1/tickets/" + ticket, json, Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
