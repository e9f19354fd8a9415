package io.touchpoint.ticket.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.touchpoint.starter.cloudevents.CloudEventPublisher;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import io.touchpoint.ticket.support.Inbox;
import io.touchpoint.ticket.support.Interactions;
import io.touchpoint.ticket.support.TicketApi;
import java.net.http.HttpResponse;
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
 * SLA policies, business calendars and a ticket's SLA through {@code /v1/tickets}: create, read, replace with
 * {@code If-Match}, delete; validation; one policy per priority; tenants never see each other's.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "touchpoint.tenant-context.key=" + TicketApi.TENANT_CONTEXT_KEY)
@RealInfrastructure
class SlaApiIT {

    private static final String OFFICE =
            """
            {"name": "Berlin office", "timeZone": "Europe/Berlin",
             "openingHours": {"monday": [{"from": "09:00", "to": "12:00"}, {"from": "13:00", "to": "17:00"}],
                              "friday": [{"from": "22:00", "to": "24:00"}]},
             "holidays": ["2026-12-25", "2026-12-24"]}
            """;

    @LocalServerPort
    int port;

    @Autowired
    CloudEventPublisher publisher;

    @Autowired
    MongoTemplate mongo;

    String tenant;

    TicketApi admin;

    @BeforeEach
    void tenant() {
        tenant = "tenant_" + UUID.randomUUID().toString().substring(0, 8);
        admin = TicketApi.forTenant(port, tenant, "tickets:write");
    }

    @Test
    void aCalendarIsCreatedReadReplacedAndDeleted() {
        HttpResponse<String> created = admin.postJson("/v1/tickets/calendars", OFFICE);

        assertThat(created.statusCode()).isEqualTo(201);
        String id = JsonPath.read(created.body(), "$.id");
        assertThat(id).startsWith("cal_");
        assertThat(created.headers().firstValue("Location")).contains("/v1/tickets/calendars/" + id);
        assertThat(created.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(JsonPath.<String>read(created.body(), "$.timeZone")).isEqualTo("Europe/Berlin");
        assertThat(JsonPath.<List<String>>read(created.body(), "$.holidays"))
                .containsExactly("2026-12-24", "2026-12-25");
        assertThat(JsonPath.<String>read(created.body(), "$.openingHours.monday[1].from"))
                .isEqualTo("13:00");
        assertThat(JsonPath.<String>read(created.body(), "$.openingHours.friday[0].to"))
                .isEqualTo("24:00");
        assertThat(JsonPath.<Map<String, Object>>read(created.body(), "$.openingHours"))
                .doesNotContainKey("sunday");

        assertThat(admin.get("/v1/tickets/calendars/" + id).statusCode()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(
                        admin.get("/v1/tickets/calendars").body(), "$.data[*].id"))
                .containsExactly(id);
        String renamed = OFFICE.replace("Berlin office", "Berlin HQ");
        assertThat(admin.putJson("/v1/tickets/calendars/" + id, renamed, Map.of("If-Match", "\"7\""))
                        .statusCode())
                .isEqualTo(412);
        HttpResponse<String> replaced =
                admin.putJson("/v1/tickets/calendars/" + id, renamed, Map.of("If-Match", "\"1\""));
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(replaced.body(), "$.name")).isEqualTo("Berlin HQ");
        assertThat(JsonPath.<Integer>read(replaced.body(), "$.version")).isEqualTo(2);

        assertThat(admin.delete("/v1/tickets/calendars/" + id).statusCode()).isEqualTo(204);
        assertProblem(admin.get("/v1/tickets/calendars/" + id), 404, "calendar_not_found");
    }

    @Test
    void aCalendarThatCannotBeRightIsABadRequest() {
        assertProblem(
                admin.postJson("/v1/tickets/calendars", OFFICE.replace("Europe/Berlin", "Mars/Olympus")),
                400,
                "validation_failed");
        assertProblem(
                admin.postJson("/v1/tickets/calendars", OFFICE.replace("\"12:00\"", "\"14:00\"")),
                400,
                "validation_failed");
        assertProblem(
                admin.postJson("/v1/tickets/calendars", OFFICE.replace("\"09:00\"", "\"25:00\"")),
                400,
                "validation_failed");
        assertProblem(
                admin.postJson("/v1/tickets/calendars", OFFICE.replace("monday", "moonday")), 400, "validation_failed");
        assertProblem(admin.postJson("/v1/tickets/calendars", OFFICE.replace("2026-12-25", "christmas")), 400, null);
        assertProblem(
                admin.postJson("/v1/tickets/calendars", OFFICE.replace("\"name\"", "\"colour\": 1, \"name\"")),
                400,
                null);
    }

    @Test
    void aPolicyIsOnePerPriorityAndCountsInItsCalendar() {
        String calendar =
                JsonPath.read(admin.postJson("/v1/tickets/calendars", OFFICE).body(), "$.id");
        String body = policy("urgent", calendar);

        HttpResponse<String> created = admin.postJson("/v1/tickets/sla-policies", body);

        assertThat(created.statusCode()).isEqualTo(201);
        String id = JsonPath.read(created.body(), "$.id");
        assertThat(id).startsWith("slp_");
        assertThat(JsonPath.<String>read(created.body(), "$.targets.firstResponse"))
                .isEqualTo("PT1H");
        assertThat(JsonPath.<String>read(created.body(), "$.targets.resolution"))
                .isEqualTo("PT8H");
        assertThat(JsonPath.<Integer>read(created.body(), "$.warningThreshold")).isEqualTo(75);
        assertThat(JsonPath.<String>read(created.body(), "$.escalations[0].on")).isEqualTo("breach");
        assertThat(JsonPath.<String>read(created.body(), "$.escalations[0].metric"))
                .isEqualTo("first_response");
        assertThat(JsonPath.<String>read(created.body(), "$.escalations[0].teamId"))
                .isEqualTo("team_tier2");
        assertProblem(admin.postJson("/v1/tickets/sla-policies", body), 409, "sla_policy_exists");
        assertProblem(admin.delete("/v1/tickets/calendars/" + calendar), 409, "calendar_in_use");

        HttpResponse<String> moved =
                admin.putJson("/v1/tickets/sla-policies/" + id, policy("high", calendar), Map.of("If-Match", "\"1\""));
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(moved.body(), "$.priority")).isEqualTo("high");
        assertThat(admin.postJson("/v1/tickets/sla-policies", body).statusCode())
                .as("urgent is free again")
                .isEqualTo(201);
    }

    @Test
    void aPolicyThatCannotBeRightIsABadRequest() {
        assertProblem(
                admin.postJson("/v1/tickets/sla-policies", policy("urgent", "cal_nope")), 400, "validation_failed");
        assertProblem(
                admin.postJson(
                        "/v1/tickets/sla-policies", policy("urgent", null).replace("PT1H", "1 hour")),
                400,
                null);
        assertProblem(
                admin.postJson(
                        "/v1/tickets/sla-policies", policy("urgent", null).replace("PT1H", "-PT1H")),
                400,
                "validation_failed");
        assertProblem(
                admin.postJson(
                        "/v1/tickets/sla-policies", policy("urgent", null).replace("75", "100")),
                400,
                "validation_failed");
        assertProblem(
                admin.postJson(
                        "/v1/tickets/sla-policies", policy("urgent", null).replace("breach", "panic")),
                400,
                "validation_failed");
        assertProblem(
                admin.postJson(
                        "/v1/tickets/sla-policies",
                        """
                {"name": "Empty", "priority": "low", "targets": {}}
                """),
                400,
                "validation_failed");
        assertProblem(admin.postJson("/v1/tickets/sla-policies", policy("critical", null)), 400, null);
    }

    @Test
    void onlyAKeyWithTicketsWriteChangesServiceLevels() {
        TicketApi agent = TicketApi.forTenant(port, tenant);

        assertProblem(agent.postJson("/v1/tickets/sla-policies", policy("low", null)), 403, "insufficient_scope");
        assertProblem(agent.postJson("/v1/tickets/calendars", OFFICE), 403, "insufficient_scope");
        assertThat(agent.get("/v1/tickets/sla-policies").statusCode()).isEqualTo(200);
    }

    @Test
    void anotherTenantsPoliciesCalendarsAndTicketsAreNotFound() {
        String calendar =
                JsonPath.read(admin.postJson("/v1/tickets/calendars", OFFICE).body(), "$.id");
        String policy = JsonPath.read(
                admin.postJson("/v1/tickets/sla-policies", policy("normal", calendar))
                        .body(),
                "$.id");
        String ticket = new Inbox(publisher, mongo).deliver(tenant, Interactions.sms("+4915100000200", "Hello"));
        TicketApi other = TicketApi.forTenant(port, "other_" + tenant, "tickets:write");

        assertProblem(other.get("/v1/tickets/calendars/" + calendar), 404, "calendar_not_found");
        assertProblem(other.get("/v1/tickets/sla-policies/" + policy), 404, "sla_policy_not_found");
        assertProblem(
                other.putJson("/v1/tickets/sla-policies/" + policy, policy("normal", null)),
                404,
                "sla_policy_not_found");
        assertProblem(other.delete("/v1/tickets/calendars/" + calendar), 404, "calendar_not_found");
        assertProblem(other.get("/v1/tickets/" + ticket + "/sla"), 404, "ticket_not_found");
        assertProblem(other.postJson("/v1/tickets/sla-policies", policy("low", calendar)), 400, "validation_failed");
        assertThat(JsonPath.<List<?>>read(other.get("/v1/tickets/sla-policies").body(), "$.data"))
                .isEmpty();
        assertThat(JsonPath.<List<?>>read(other.get("/v1/tickets/calendars").body(), "$.data"))
                .isEmpty();
    }

    @Test
    void aTicketShowsItsRunningTargets() {
        admin.postJson(
                "/v1/tickets/sla-policies",
                """
                {"name": "Normal", "priority": "normal",
                 "targets": {"firstResponse": "PT30M", "resolution": "P1D"}}
                """);
        String ticket = new Inbox(publisher, mongo).deliver(tenant, Interactions.sms("+4915100000201", "Hello"));

        HttpResponse<String> sla = admin.get("/v1/tickets/" + ticket + "/sla");

        assertThat(sla.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(sla.body(), "$.targets[*].metric"))
                .containsExactly("first_response", "resolution");
        assertThat(JsonPath.<List<String>>read(sla.body(), "$.targets[*].state"))
                .containsOnly("running");
        assertThat(JsonPath.<String>read(sla.body(), "$.targets[0].target")).isEqualTo("PT30M");
        assertThat(JsonPath.<String>read(sla.body(), "$.targets[0].dueAt")).isNotBlank();
        assertThat(JsonPath.<Boolean>read(sla.body(), "$.targets[0].breached")).isFalse();
    }

    private static String policy(String priority, String calendarId) {
        return """
                {"name": "Policy %s", "priority": "%s", %s
                 "targets": {"firstResponse": "PT1H", "resolution": "PT8H"},
                 "warningThreshold": 75,
                 "escalations": [{"on": "breach", "metric": "first_response", "raisePriorityTo": "urgent",
                                  "teamId": "team_tier2"}]}
                """
                .formatted(priority, priority, calendarId != null ? "\"calendarId\": \"" + calendarId + "\"," : "");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        if (code != null) {
            assertThat(JsonPath.<String>read(response.body(), "$.code")).isEqualTo(code);
        }
    }
}
