package io.touchpoint.ticket.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.touchpoint.events.Actor;
import io.touchpoint.events.interaction.InteractionReceived;
import io.touchpoint.starter.cloudevents.CloudEventPublisher;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import io.touchpoint.ticket.application.TicketManagement;
import io.touchpoint.ticket.application.TicketReplies;
import io.touchpoint.ticket.application.TicketReplies.ReplyToTicket;
import io.touchpoint.ticket.domain.EditTicket;
import io.touchpoint.ticket.domain.Patch;
import io.touchpoint.ticket.domain.TicketStatus;
import io.touchpoint.ticket.support.Inbox;
import io.touchpoint.ticket.support.Interactions;
import io.touchpoint.ticket.support.TestClock;
import io.touchpoint.ticket.support.TicketApi;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * {@code GET /v1/tickets/reports/summary} over a known set of tickets, opened, answered and resolved at times the test
 * sets: counts, and median, 90th percentile and mean of first-response and resolution times, per channel, team and
 * agent, for one tenant only.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "touchpoint.tenant-context.key=" + TicketApi.TENANT_CONTEXT_KEY)
@RealInfrastructure
@Import(TestClock.Config.class)
class ReportingApiIT {

    private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");

    private static final String PERIOD = "from=2026-05-04T00:00:00Z&to=2026-05-05T00:00:00Z";

    private final TestClock clock = TestClock.shared();

    @LocalServerPort
    int port;

    @Autowired
    CloudEventPublisher publisher;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TicketManagement tickets;

    @Autowired
    TicketReplies replies;

    String tenant;

    TicketApi api;

    Inbox inbox;

    @BeforeEach
    void dataset() {
        tenant = "tenant_" + UUID.randomUUID().toString().substring(0, 8);
        inbox = new Inbox(publisher, mongo);
        api = TicketApi.forTenant(port, tenant, clock);
        // The day before the period: resolved within it, after 27 hours.
        String late = open(T0.minus(Duration.ofDays(1)), Interactions.sms("+4915100000400", "Where is it?"));
        assign(late, "team_a", "agt_ana");
        resolve(late, T0.plus(Duration.ofHours(3)));
        // In the period: answered after 60 s, 300 s and 120 s; resolved after 1 h and 2 h; one never answered.
        String first = open(T0, Interactions.sms("+4915100000401", "Broken"));
        assign(first, "team_a", "agt_ana");
        reply(first, T0.plusSeconds(60));
        resolve(first, T0.plus(Duration.ofHours(1)));
        Instant secondAt = T0.plus(Duration.ofMinutes(10));
        String second = open(secondAt, Interactions.sms("+4915100000402", "Refund?"));
        assign(second, "team_a", "agt_ben");
        reply(second, secondAt.plusSeconds(300));
        resolve(second, secondAt.plus(Duration.ofHours(2)));
        Instant thirdAt = T0.plus(Duration.ofMinutes(20));
        String third = open(thirdAt, Interactions.chat("cnv_report_" + tenant, "visitor-1", "Hi"));
        assign(third, "team_b", "agt_ben");
        reply(third, thirdAt.plusSeconds(120));
        open(
                T0.plus(Duration.ofMinutes(30)),
                Interactions.email("maria@example.com", "Invoice", Interactions.emailId(), null, null));
        // After the period.
        open(T0.plus(Duration.ofDays(1)), Interactions.sms("+4915100000403", "Tomorrow"));
        // Another tenant's ticket in the period.
        clock.set(T0);
        inbox.deliver("other_" + tenant, Interactions.at(Interactions.sms("+4915100000404", "Hi"), T0));
        clock.set(T0.plus(Duration.ofDays(2)));
    }

    @Test
    void figuresPerChannel() {
        HttpResponse<String> report = api.get("/v1/tickets/reports/summary?" + PERIOD + "&groupBy=channel");

        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        String body = report.body();
        assertThat(JsonPath.<String>read(body, "$.groupBy")).isEqualTo("channel");
        assertThat(JsonPath.<Boolean>read(body, "$.complete")).isTrue();
        assertThat(JsonPath.<Map<String, Object>>read(body, "$.total"))
                .containsEntry("created", 4)
                .containsEntry("resolved", 3)
                .containsEntry("firstResponseSeconds", Map.of("count", 3, "median", 120, "p90", 300, "average", 160))
                .containsEntry("resolutionSeconds", Map.of("count", 3, "median", 7200, "p90", 97200, "average", 36000));
        assertThat(JsonPath.<List<String>>read(body, "$.groups[*].key")).containsExactly("email", "sms", "web_chat");
        assertThat(JsonPath.<Map<String, Object>>read(body, "$.groups[1]"))
                .containsEntry("created", 2)
                .containsEntry("resolved", 3)
                .containsEntry("firstResponseSeconds", Map.of("count", 2, "median", 60, "p90", 300, "average", 180));
        assertThat(JsonPath.<Map<String, Object>>read(body, "$.groups[0]"))
                .containsEntry("created", 1)
                .containsEntry("resolved", 0)
                .containsEntry("firstResponseSeconds", Map.of("count", 0))
                .containsEntry("resolutionSeconds", Map.of("count", 0));
    }

    @Test
    void figuresPerTeamAndPerAgent() {
        String byTeam = api.get("/v1/tickets/reports/summary?" + PERIOD + "&groupBy=team")
                .body();

        assertThat(JsonPath.<List<String>>read(byTeam, "$.groups[*].key")).containsExactly("team_a", "team_b", null);
        assertThat(JsonPath.<Integer>read(byTeam, "$.groups[0].created")).isEqualTo(2);
        assertThat(JsonPath.<Integer>read(byTeam, "$.groups[0].resolved")).isEqualTo(3);
        assertThat(JsonPath.<Integer>read(byTeam, "$.groups[2].created"))
                .as("the unassigned email")
                .isEqualTo(1);

        String byAgent = api.get("/v1/tickets/reports/summary?" + PERIOD + "&groupBy=agent")
                .body();

        assertThat(JsonPath.<List<String>>read(byAgent, "$.groups[*].key")).containsExactly("agt_ana", "agt_ben", null);
        assertThat(JsonPath.<Integer>read(byAgent, "$.groups[1].firstResponseSeconds.median"))
                .isEqualTo(120);
        assertThat(JsonPath.<Integer>read(byAgent, "$.groups[1].firstResponseSeconds.p90"))
                .isEqualTo(300);
        assertThat(JsonPath.<Integer>read(byAgent, "$.groups[0].resolutionSeconds.average"))
                .as("27 h and 1 h")
                .isEqualTo(50400);
    }

    @Test
    void anotherTenantSeesOnlyItsOwnTickets() {
        String other = TicketApi.forTenant(port, "other_" + tenant, clock)
                .get("/v1/tickets/reports/summary?" + PERIOD)
                .body();

        assertThat(JsonPath.<Integer>read(other, "$.total.created")).isEqualTo(1);
        assertThat(JsonPath.<List<String>>read(other, "$.groups[*].key")).containsExactly("sms");
    }

    @Test
    void aPeriodOrGroupingThatMakesNoSenseIsABadRequest() {
        assertProblem(
                api.get("/v1/tickets/reports/summary?from=2026-05-05T00:00:00Z&to=2026-05-04T00:00:00Z"),
                400,
                "invalid_period");
        assertProblem(
                api.get("/v1/tickets/reports/summary?from=2025-01-01T00:00:00Z&to=2026-05-04T00:00:00Z"),
                400,
                "invalid_period");
        assertProblem(api.get("/v1/tickets/reports/summary?" + PERIOD + "&groupBy=queue"), 400, "invalid_group_by");
        assertProblem(api.get("/v1/tickets/reports/summary?to=2026-05-04T00:00:00Z"), 400, null);
        assertProblem(api.get("/v1/tickets/reports/summary?from=yesterday&to=2026-05-04T00:00:00Z"), 400, null);
    }

    private String open(Instant at, InteractionReceived message) {
        clock.set(at);
        return inbox.deliver(tenant, Interactions.at(message, at));
    }

    private void assign(String ticket, String team, String agent) {
        tickets.edit(
                tenant,
                ticket,
                new EditTicket(null, null, null, null, Patch.to(team), Patch.to(agent)),
                Actor.agent("agt_lead"),
                null);
    }

    private void reply(String ticket, Instant at) {
        clock.set(at);
        replies.reply(tenant, ticket, new ReplyToTicket("Looking into it", null, null, null, null), Actor.agent("agt"));
    }

    private void resolve(String ticket, Instant at) {
        clock.set(at);
        tickets.moveTo(tenant, ticket, TicketStatus.RESOLVED, null, Actor.agent("agt"), null);
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
