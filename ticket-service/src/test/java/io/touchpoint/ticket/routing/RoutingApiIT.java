package io.touchpoint.ticket.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import io.touchpoint.starter.cloudevents.CloudEventPublisher;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import io.touchpoint.ticket.support.Inbox;
import io.touchpoint.ticket.support.Interactions;
import io.touchpoint.ticket.support.TicketApi;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Teams, agents, routing settings and the agent's desk (queue, claim, transfer) over HTTP: resources with ETags,
 * tenant isolation (another tenant's ids are 404), and invalid input as 400 problems that change nothing.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "touchpoint.tenant-context.key=" + TicketApi.TENANT_CONTEXT_KEY)
@RealInfrastructure
class RoutingApiIT {

    @LocalServerPort
    int port;

    @Autowired
    CloudEventPublisher publisher;

    @Autowired
    MongoTemplate mongo;

    String tenant;

    RoutingApi routing;

    TicketApi admin;

    Inbox inbox;

    @BeforeEach
    void tenant() {
        tenant = "tenant_" + UUID.randomUUID().toString().substring(0, 8);
        routing = new RoutingApi(port, tenant);
        admin = routing.admin();
        inbox = new Inbox(publisher, mongo);
    }

    @Test
    void teamsAndAgentsAreResourcesWithVersions() {
        HttpResponse<String> created = admin.postJson(
                "/v1/tickets/teams",
                "{\"name\": \"Billing\", \"skills\": [\"Billing\", \"de\"], \"tier\": 2, \"strategy\": \"least_loaded\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String team = JsonPath.read(created.body(), "$.id");
        assertThat(team).startsWith("tem_");
        assertThat(created.headers().firstValue("Location")).hasValue("/v1/tickets/teams/" + team);
        assertThat(JsonPath.<List<String>>read(created.body(), "$.skills")).containsExactly("billing", "de");
        assertThat(JsonPath.<String>read(created.body(), "$.strategy")).isEqualTo("least_loaded");

        HttpResponse<String> agent = admin.postJson(
                "/v1/tickets/agents",
                """
                {"name": "Ada Lovelace", "principal": "ada@example.com", "skills": ["billing"],
                 "channels": ["email", "web_chat"], "capacity": 3, "teamIds": ["%s"]}"""
                        .formatted(team));
        assertThat(agent.statusCode()).as(agent.body()).isEqualTo(201);
        String ada = JsonPath.read(agent.body(), "$.id");
        assertThat(ada).startsWith("agt_");
        assertThat(JsonPath.<String>read(agent.body(), "$.presence")).isEqualTo("offline");
        assertThat(JsonPath.<Integer>read(agent.body(), "$.openTickets")).isZero();
        assertThat(JsonPath.<List<String>>read(agent.body(), "$.channels")).containsExactly("web_chat", "email");

        assertProblem(
                admin.patchJson("/v1/tickets/teams/" + team, "{\"tier\": 3}", Map.of("If-Match", "\"7\"")),
                412,
                "precondition_failed");
        HttpResponse<String> renamed =
                admin.patchJson("/v1/tickets/teams/" + team, "{\"name\": \"Billing DE\"}", Map.of("If-Match", "\"1\""));
        assertThat(renamed.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(JsonPath.<Integer>read(renamed.body(), "$.tier")).isEqualTo(2);

        TicketApi me = TicketApi.forAgent(port, tenant, "ada@example.com", "agent");
        assertThat(JsonPath.<String>read(me.get("/v1/tickets/agents/me").body(), "$.id"))
                .isEqualTo(ada);
        HttpResponse<String> online = me.putJson("/v1/tickets/agents/me/presence", "{\"status\": \"online\"}");
        assertThat(JsonPath.<String>read(online.body(), "$.presence")).isEqualTo("online");
        assertThat(JsonPath.<List<String>>read(
                        admin.get("/v1/tickets/agents?teamId=" + team).body(), "$.data[*].id"))
                .containsExactly(ada);

        assertProblem(
                admin.postJson("/v1/tickets/agents", "{\"name\": \"Copy\", \"principal\": \"ada@example.com\"}"),
                409,
                "principal_taken");
        assertProblem(admin.delete("/v1/tickets/teams/" + team), 409, "team_has_members");
        assertThat(admin.delete("/v1/tickets/agents/" + ada).statusCode()).isEqualTo(204);
        assertThat(admin.delete("/v1/tickets/teams/" + team).statusCode()).isEqualTo(204);
        assertProblem(admin.get("/v1/tickets/teams/" + team), 404, "team_not_found");
    }

    @Test
    void anotherTenantsTeamsAgentsAndTicketsAreNotFound() {
        String team = routing.team("{\"name\": \"Mine\"}");
        String ada = routing.agent("{\"name\": \"Ada\", \"principal\": \"ada\", \"teamIds\": [\"" + team + "\"]}");
        String ticket = inbox.deliver(tenant, Interactions.sms("+4915400000001", "Mine"));
        RoutingApi other = new RoutingApi(port, "tenant_other_" + tenant);
        TicketApi otherAdmin = other.admin();
        String otherTeam = other.team("{\"name\": \"Theirs\"}");
        other.agent("{\"name\": \"Ada\", \"principal\": \"ada\", \"teamIds\": [\"" + otherTeam + "\"]}");
        TicketApi otherAda = TicketApi.forAgent(port, "tenant_other_" + tenant, "ada", "agent");

        assertProblem(otherAdmin.get("/v1/tickets/teams/" + team), 404, "team_not_found");
        assertProblem(
                otherAdmin.patchJson("/v1/tickets/teams/" + team, "{\"tier\": 2}", Map.of()), 404, "team_not_found");
        assertProblem(otherAdmin.delete("/v1/tickets/teams/" + team), 404, "team_not_found");
        assertProblem(otherAdmin.get("/v1/tickets/agents/" + ada), 404, "agent_not_found");
        assertProblem(
                otherAdmin.putJson("/v1/tickets/agents/" + ada + "/presence", "{\"status\": \"online\"}"),
                404,
                "agent_not_found");
        assertProblem(otherAda.postJson("/v1/tickets/" + ticket + "/claim", "{}"), 404, "ticket_not_found");
        assertProblem(
                otherAdmin.postJson("/v1/tickets/" + ticket + "/transfer", "{\"teamId\": \"" + otherTeam + "\"}"),
                404,
                "ticket_not_found");
        assertProblem(otherAdmin.get("/v1/tickets/" + ticket + "/routing"), 404, "ticket_not_found");
        assertProblem(
                otherAdmin.postJson("/v1/tickets/agents", "{\"name\": \"X\", \"teamIds\": [\"" + team + "\"]}"),
                400,
                "validation_failed");
        assertProblem(
                otherAdmin.putJson("/v1/tickets/routing-settings", "{\"defaultTeamId\": \"" + team + "\"}"),
                400,
                "validation_failed");
        assertThat(otherAdmin.get("/v1/tickets/teams").body()).doesNotContain(team);
        assertThat(otherAdmin.get("/v1/tickets/agents").body()).doesNotContain(ada);
    }

    @Test
    void invalidInputIsABadRequestProblemAndChangesNothing() {
        String team = routing.team("{\"name\": \"Support\"}");

        assertProblem(admin.postJson("/v1/tickets/teams", "{\"name\": \"\"}"), 400, "validation_failed");
        assertProblem(
                admin.postJson("/v1/tickets/teams", "{\"name\": \"X\", \"strategy\": \"random\"}"),
                400,
                "validation_failed");
        assertProblem(admin.postJson("/v1/tickets/teams", "{\"name\": \"X\", \"tier\": 11}"), 400, "validation_failed");
        assertProblem(
                admin.postJson("/v1/tickets/teams", "{\"name\": \"X\", \"skills\": [\"two words\"]}"),
                400,
                "validation_failed");
        assertProblem(
                admin.postJson("/v1/tickets/teams", "{\"name\": \"X\", \"id\": \"tem_mine\"}"), 400, "malformed_body");
        assertProblem(
                admin.postJson("/v1/tickets/agents", "{\"name\": \"X\", \"capacity\": 0}"), 400, "validation_failed");
        assertProblem(
                admin.postJson("/v1/tickets/agents", "{\"name\": \"X\", \"channels\": [\"fax\"]}"),
                400,
                "malformed_body");
        assertProblem(
                admin.postJson("/v1/tickets/agents", "{\"name\": \"X\", \"teamIds\": [\"tem_nowhere\"]}"),
                400,
                "validation_failed");
        String ada = routing.agent("{\"name\": \"Ada\", \"teamIds\": [\"" + team + "\"]}");
        assertProblem(
                admin.putJson("/v1/tickets/agents/" + ada + "/presence", "{\"status\": \"busy\"}"),
                400,
                "validation_failed");
        assertProblem(
                admin.putJson(
                        "/v1/tickets/routing-settings",
                        "{\"triageRules\": [{\"name\": \"Bad\", \"when\": {\"textMatches\": \"(unclosed\"}, \"then\": {}}]}"),
                400,
                "validation_failed");
        assertProblem(
                admin.putJson(
                        "/v1/tickets/routing-settings",
                        "{\"triageRules\": [{\"name\": \"Bad\", \"when\": {\"schedule\": {\"timeZone\": \"Mars/Base\"}}, \"then\": {}}]}"),
                400,
                "validation_failed");
        assertProblem(
                admin.putJson(
                        "/v1/tickets/routing-settings",
                        "{\"triageRules\": [{\"name\": \"Bad\", \"when\": {\"schedule\": {\"timeZone\": \"UTC\", \"from\": \"25:00\"}}, \"then\": {}}]}"),
                400,
                "validation_failed");
        assertProblem(
                admin.putJson("/v1/tickets/routing-settings", "{\"triageRules\": [{\"name\": \"No actions\"}]}"),
                400,
                "validation_failed");
        String ticket = inbox.deliver(tenant, Interactions.sms("+4915400000002", "Hi"));
        assertProblem(admin.postJson("/v1/tickets/" + ticket + "/transfer", "{}"), 400, "validation_failed");
        assertProblem(
                admin.postJson(
                        "/v1/tickets/" + ticket + "/transfer",
                        "{\"agentId\": \"" + ada + "\", \"teamId\": \"" + team + "\"}"),
                400,
                "validation_failed");
        assertProblem(
                admin.postJson("/v1/tickets/" + ticket + "/transfer", "{\"agentId\": \"agt_nobody\"}"),
                400,
                "validation_failed");
        assertProblem(
                TicketApi.forAgent(port, tenant, "agt_nobody", "agent")
                        .postJson("/v1/tickets/" + ticket + "/claim", "{}"),
                404,
                "agent_not_found");
        assertProblem(
                TicketApi.forAgent(port, tenant, ada, "tickets:read")
                        .postJson("/v1/tickets/" + ticket + "/claim", "{}"),
                403,
                "insufficient_scope");
        assertProblem(
                TicketApi.forAgent(port, tenant, ada, "agent").postJson("/v1/tickets/teams", "{\"name\": \"Mine\"}"),
                403,
                "insufficient_scope");
        assertThat(JsonPath.<Integer>read(routing.ticket(ticket).body(), "$.version"))
                .isZero();
        assertThat(JsonPath.<Integer>read(
                        admin.get("/v1/tickets/routing-settings").body(), "$.version"))
                .isZero();
        assertThat(JsonPath.<List<String>>read(admin.get("/v1/tickets/teams").body(), "$.data[*].id"))
                .containsExactly(team);
    }

    @Test
    void anAgentSeesTheirQueueClaimsWithinCapacityAndTransfers() {
        String support = routing.team("{\"name\": \"Support\"}");
        String billing = routing.team("{\"name\": \"Billing\"}");
        String ada = routing.agent(
                "{\"name\": \"Ada\", \"principal\": \"ada\", \"capacity\": 1, \"teamIds\": [\"" + support + "\"]}");
        String bob = routing.agent("{\"name\": \"Bob\", \"teamIds\": [\"" + billing + "\"]}");
        routing.settings(
                """
                {"defaultTeamId": "%s", "triageRules": [{"name": "Urgent",
                 "when": {"textContains": ["urgent"]}, "then": {"priority": "urgent"}}]}"""
                        .formatted(support));
        String normal = inbox.deliver(tenant, Interactions.sms("+4915400000010", "A question"));
        String urgent = inbox.deliver(tenant, Interactions.sms("+4915400000011", "URGENT: no service"));
        await("both tickets in the support queue")
                .atMost(Duration.ofSeconds(20))
                .until(() -> support.equals(routing.teamOf(normal)) && support.equals(routing.teamOf(urgent)));
        TicketApi me = TicketApi.forAgent(port, tenant, "ada", "agent");

        HttpResponse<String> queue = me.get("/v1/tickets/agents/me/queue?limit=1");
        assertThat(JsonPath.<List<String>>read(queue.body(), "$.data[*].id")).containsExactly(urgent);
        String next = JsonPath.read(queue.body(), "$.next");
        HttpResponse<String> rest = me.get("/v1/tickets/agents/me/queue?limit=1&after=" + next);
        assertThat(JsonPath.<List<String>>read(rest.body(), "$.data[*].id")).containsExactly(normal);
        assertThat(rest.body()).doesNotContain("\"next\"");

        HttpResponse<String> claimed = me.postJson("/v1/tickets/" + urgent + "/claim", "{}");
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(claimed.body(), "$.assigneeId")).isEqualTo(ada);
        assertThat(me.postJson("/v1/tickets/" + urgent + "/claim", "{}").statusCode())
                .as("claiming one's own ticket again")
                .isEqualTo(200);
        assertProblem(me.postJson("/v1/tickets/" + normal + "/claim", "{}"), 409, "agent_at_capacity");
        assertProblem(
                TicketApi.forAgent(port, tenant, bob, "agent").postJson("/v1/tickets/" + urgent + "/claim", "{}"),
                409,
                "ticket_assigned");

        routing.presence(ada, "online");
        assertThat(routing.assigneeOf(normal)).as("Ada has no room").isNull();

        HttpResponse<String> toBilling =
                me.postJson("/v1/tickets/" + urgent + "/transfer", "{\"teamId\": \"" + billing + "\"}");
        assertThat(toBilling.statusCode()).as(toBilling.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(toBilling.body(), "$.teamId")).isEqualTo(billing);
        assertThat(toBilling.body())
                .as("Bob is offline: it waits in billing's queue")
                .doesNotContain("assigneeId");
        await("Ada's place is free again and the waiting ticket is hers")
                .atMost(Duration.ofSeconds(20))
                .until(() -> ada.equals(routing.assigneeOf(normal)));
        assertThat(routing.openTicketsOf(ada)).isEqualTo(1);

        HttpResponse<String> toBob =
                me.postJson("/v1/tickets/" + normal + "/transfer", "{\"agentId\": \"" + bob + "\"}");
        assertThat(toBob.statusCode()).as(toBob.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(toBob.body(), "$.assigneeId")).isEqualTo(bob);
        assertThat(JsonPath.<String>read(toBob.body(), "$.teamId")).isEqualTo(billing);
        assertThat(routing.openTicketsOf(ada)).isZero();
        assertThat(routing.openTicketsOf(bob)).isEqualTo(1);
    }

    static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JsonPath.<String>read(response.body(), "$.code")).isEqualTo(code);
    }
}
