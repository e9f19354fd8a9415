package io.touchpoint.system;

import static io.touchpoint.system.Responses.assertNotFound;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ticket-service through the real gateway: a customer's message on a company's channel becomes a ticket, which the
 * agent's inbox stream (server-sent events) announces live, and another tenant's key finds none of it on any ticket
 * route.
 */
class TicketsThroughGatewayIT {

    private static Platform platform;

    /** A company whose key is also its agent Ada's (the services see the key's id as the principal). */
    private static PlatformClient company;

    private static PlatformClient otherCompany;

    private static String ada;

    @BeforeAll
    static void companyWithAnOnlineAgent() {
        platform = Platform.get();
        company = PlatformClient.newTenant(platform, "channels:admin", "tickets:write", "agent");
        otherCompany = PlatformClient.newTenant(platform, "channels:admin", "tickets:write", "agent");
        String team = idOf(company.post("/v1/tickets/teams", "{\"name\": \"Support\"}"));
        ada = idOf(company.post(
                "/v1/tickets/agents",
                "{\"name\": \"Ada\", \"principal\": \"%s\", \"teamIds\": [\"%s\"]}"
                        .formatted(company.principal(), team)));
        assertOk(company.put("/v1/tickets/agents/" + ada + "/presence", "{\"status\": \"online\"}"));
        assertOk(company.put("/v1/tickets/routing-settings", "{\"defaultTeamId\": \"" + team + "\"}"));
    }

    @Test
    void theAgentsInboxStreamAnnouncesTheNewTicketLiveAndAnotherTenantFindsNoneOfIt() {
        String ticket;
        try (EventStream inbox = company.stream("/v1/tickets/realtime/inbox").assertOpen()) {
            ApiChannel.create(platform, company).receive("inbox-1", "customer-1", "My router is broken");

            List<String> lines = inbox.readUntil("\"ticketId\"");
            assertThat(lines).contains("event:assigned");
            ticket = JsonPath.read(lines.get(lines.size() - 1).substring("data:".length()), "$.ticketId");
        }
        HttpResponse<String> own = company.get("/v1/tickets/" + ticket);
        assertOk(own);
        assertThat(JsonPath.<String>read(own.body(), "$.assigneeId")).isEqualTo(ada);

        String path = "/v1/tickets/" + ticket;
        assertNotFound(otherCompany.get(path));
        assertNotFound(otherCompany.patch(path, "{\"title\": \"taken over\"}"));
        assertNotFound(otherCompany.post(path + "/status", "{\"status\": \"closed\"}"));
        assertNotFound(otherCompany.get(path + "/messages"));
        assertNotFound(otherCompany.post(path + "/notes", "{\"text\": \"seen it\"}"));
        assertNotFound(otherCompany.get(path + "/routing"));
        assertNotFound(otherCompany.get("/v1/tickets/agents/" + ada));
        assertThat(otherCompany.get("/v1/tickets").body()).doesNotContain(ticket);
        try (EventStream otherInbox = otherCompany.stream("/v1/tickets/realtime/inbox")) {
            assertThat(otherInbox.status())
                    .as("the other company's key is no agent of theirs")
                    .isEqualTo(404);
        }

        assertThat(JsonPath.<String>read(company.get(path).body(), "$.status"))
                .as("nothing the other tenant sent changed the ticket")
                .isNotEqualTo("closed");
        assertThat(company.get(path + "/messages").body()).doesNotContain("seen it");
    }

    private static String idOf(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JsonPath.read(created.body(), "$.id");
    }

    private static void assertOk(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
