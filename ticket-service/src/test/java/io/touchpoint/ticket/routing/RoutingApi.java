package io.touchpoint.ticket.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.touchpoint.ticket.support.TicketApi;
import java.net.http.HttpResponse;
import java.util.Map;

/** Sets up a tenant's routing over HTTP, as its administrator would: teams, agents, presence, settings. */
final class RoutingApi {

    private final TicketApi admin;

    RoutingApi(int port, String tenantId) {
        this.admin = TicketApi.forAgent(port, tenantId, "admin", "tickets:write");
    }

    TicketApi admin() {
        return admin;
    }

    /** Creates a team from {@code json} and returns its id. */
    String team(String json) {
        return idOf(admin.postJson("/v1/tickets/teams", json));
    }

    /** Creates an agent from {@code json} and returns its id. */
    String agent(String json) {
        return idOf(admin.postJson("/v1/tickets/agents", json));
    }

    void presence(String agentId, String status) {
        HttpResponse<String> response =
                admin.putJson("/v1/tickets/agents/" + agentId + "/presence", "{\"status\": \"" + status + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    void settings(String json) {
        HttpResponse<String> response = admin.putJson("/v1/tickets/routing-settings", json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    HttpResponse<String> ticket(String ticketId) {
        return admin.get("/v1/tickets/" + ticketId);
    }

    /** The ticket's agent, or null while it has none. */
    String assigneeOf(String ticketId) {
        Map<String, Object> ticket = JsonPath.read(ticket(ticketId).body(), "$");
        return (String) ticket.get("assigneeId");
    }

    String teamOf(String ticketId) {
        Map<String, Object> ticket = JsonPath.read(ticket(ticketId).body(), "$");
        return (String) ticket.get("teamId");
    }

    int openTicketsOf(String agentId) {
        return JsonPath.read(admin.get("/v1/tickets/agents/" + agentId).body(), "$.openTickets");
    }

    HttpResponse<String> status(String ticketId, String status) {
        return admin.postJson("/v1/tickets/" + ticketId + "/status", "{\"status\": \"" + status + "\"}");
    }

    private static String idOf(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JsonPath.read(created.body(), "$.id");
    }
}
