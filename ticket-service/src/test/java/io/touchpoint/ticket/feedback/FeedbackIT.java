package io.touchpoint.ticket.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.touchpoint.events.Actor;
import io.touchpoint.events.EventJson;
import io.touchpoint.events.EventType;
import io.touchpoint.events.feedback.FeedbackSubmitted;
import io.touchpoint.events.survey.SurveyKind;
import io.touchpoint.events.ticket.Priority;
import io.touchpoint.events.ticket.TicketEscalated;
import io.touchpoint.events.ticket.TicketReopened;
import io.touchpoint.starter.cloudevents.CloudEvent;
import io.touchpoint.starter.cloudevents.CloudEventPublisher;
import io.touchpoint.test.events.EventCapture;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import io.touchpoint.test.infrastructure.TestVirtualHost;
import io.touchpoint.ticket.application.TicketManagement;
import io.touchpoint.ticket.domain.Ticket;
import io.touchpoint.ticket.domain.TicketStatus;
import io.touchpoint.ticket.support.Inbox;
import io.touchpoint.ticket.support.Interactions;
import io.touchpoint.ticket.support.TenantEvents;
import io.touchpoint.ticket.support.TicketApi;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.node.ObjectNode;

/**
 * Customers' ratings arriving as {@code feedback.submitted} from feedback-service, on the real broker: a low one
 * reopens the resolved ticket or escalates it, by the tenant's settings, once per event.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "touchpoint.tenant-context.key=" + TicketApi.TENANT_CONTEXT_KEY)
@RealInfrastructure
class FeedbackIT {

    @LocalServerPort
    int port;

    @Autowired
    CloudEventPublisher publisher;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TestVirtualHost virtualHost;

    @Autowired
    TicketManagement tickets;

    @Autowired
    MeterRegistry meters;

    String tenant;

    Inbox inbox;

    EventCapture reopenings;

    EventCapture escalations;

    @BeforeEach
    void tenant() {
        tenant = "tenant_" + UUID.randomUUID().toString().substring(0, 8);
        inbox = new Inbox(publisher, mongo);
        reopenings = EventCapture.bind(virtualHost.connectionFactory(), EventType.TICKET_REOPENED);
        escalations = EventCapture.bind(virtualHost.connectionFactory(), EventType.TICKET_ESCALATED);
    }

    @AfterEach
    void close() {
        reopenings.close();
        escalations.close();
    }

    @Test
    void aLowCsatReopensTheResolvedTicketOnceHoweverOftenItArrives() {
        String ticket = resolvedTicket("+4915100000300");
        CloudEvent rating = CloudEvent.of(tenant, rating(ticket, SurveyKind.CSAT, 1));
        double handled = ratingsHandled();

        publisher.publish(rating);
        publisher.publish(rating);

        TicketReopened reopened =
                TenantEvents.await(reopenings, tenant, TicketReopened.class, 1).get(0);
        assertThat(reopened.ticketId()).isEqualTo(ticket);
        assertThat(reopened.reason()).isEqualTo(TicketReopened.Reason.NEGATIVE_FEEDBACK);
        assertThat(reopened.reopenedBy()).isEqualTo(new Actor(Actor.Kind.CUSTOMER, "prf_maria", null));
        assertThat(reopened.reopenCount()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> ratingsHandled() - handled >= 2);
        Ticket stored = tickets.get(tenant, ticket);
        assertThat(stored.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(stored.milestones().reopenCount()).isEqualTo(1);
        assertThat(TenantEvents.of(reopenings, tenant, TicketReopened.class)).hasSize(1);
    }

    @Test
    void theGoldenSampleWithAFieldThisVersionDoesNotKnowIsUnderstood() throws IOException {
        String ticket = resolvedTicket("+4915100000301");
        ObjectNode sample;
        try (InputStream in = EventType.class.getResourceAsStream(EventType.FEEDBACK_SUBMITTED.sampleResource())) {
            sample = (ObjectNode) EventJson.mapper().readTree(in);
        }
        sample.put("ticketId", ticket).put("score", 2).put("channelOfSurvey", "email");
        CloudEvent template = CloudEvent.of(tenant, rating(ticket, SurveyKind.CSAT, 2));

        publisher.publish(new CloudEvent(
                template.id(),
                template.type(),
                template.source(),
                template.subject(),
                tenant,
                template.time(),
                EventJson.mapper().writeValueAsBytes(sample)));

        assertThat(TenantEvents.await(reopenings, tenant, TicketReopened.class, 1)
                        .get(0)
                        .ticketId())
                .isEqualTo(ticket);
    }

    @Test
    void aGoodRatingChangesNothing() {
        String ticket = resolvedTicket("+4915100000302");
        double notLow = meters.counter("touchpoint.ticket.feedback.ratings", "outcome", "not_low")
                .count();

        publisher.publish(CloudEvent.of(tenant, rating(ticket, SurveyKind.NPS, 7)));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> meters.counter("touchpoint.ticket.feedback.ratings", "outcome", "not_low")
                                .count()
                        > notLow);
        assertThat(tickets.get(tenant, ticket).status()).isEqualTo(TicketStatus.RESOLVED);
    }

    @Test
    void aTenantCanEscalateOnLowRatingsInstead() {
        TicketApi admin = TicketApi.forTenant(port, tenant, "tickets:write");
        assertThat(JsonPath.<Integer>read(
                        admin.get("/v1/tickets/feedback-settings").body(), "$.version"))
                .isZero();
        HttpResponse<String> saved = admin.putJson(
                "/v1/tickets/feedback-settings",
                """
                {"npsLowAtMost": 4, "action": "escalate", "escalateTo": "urgent", "escalateToTeamId": "team_care"}
                """);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(JsonPath.<Integer>read(saved.body(), "$.csatLowAtMost")).isEqualTo(2);
        String ticket = inbox.deliver(tenant, Interactions.sms("+4915100000303", "Still waiting"));

        publisher.publish(CloudEvent.of(tenant, rating(ticket, SurveyKind.NPS, 3)));

        TicketEscalated escalated = TenantEvents.await(escalations, tenant, TicketEscalated.class, 1)
                .get(0);
        assertThat(escalated.ticketId()).isEqualTo(ticket);
        assertThat(escalated.level()).isEqualTo(1);
        assertThat(escalated.reason()).isEqualTo(TicketEscalated.Reason.RULE);
        assertThat(escalated.priority()).isEqualTo(Priority.URGENT);
        assertThat(escalated.teamId()).isEqualTo("team_care");
        assertThat(admin.putJson("/v1/tickets/feedback-settings", "{\"csatLowAtMost\": 9}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(admin.putJson(
                                "/v1/tickets/feedback-settings",
                                "{\"action\": \"reopen\"}",
                                Map.of("If-Match", "\"0\""))
                        .statusCode())
                .isEqualTo(412);
    }

    private String resolvedTicket(String phone) {
        String ticket = inbox.deliver(tenant, Interactions.sms(phone, "Broken screen"));
        tickets.moveTo(tenant, ticket, TicketStatus.RESOLVED, null, Actor.agent("agt_ana"), null);
        return ticket;
    }

    private static FeedbackSubmitted rating(String ticket, SurveyKind kind, int score) {
        return new FeedbackSubmitted(
                "srv_" + UUID.randomUUID().toString().replace("-", ""),
                kind,
                ticket,
                "prf_maria",
                null,
                null,
                score,
                "Not helpful",
                "en",
                Instant.now());
    }

    private double ratingsHandled() {
        return meters.find("touchpoint.ticket.feedback.ratings").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }
}
