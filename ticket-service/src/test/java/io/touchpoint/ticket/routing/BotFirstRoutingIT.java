package io.touchpoint.ticket.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import io.touchpoint.events.Actor;
import io.touchpoint.events.Channel;
import io.touchpoint.events.EventType;
import io.touchpoint.events.Handle;
import io.touchpoint.events.MessageContent;
import io.touchpoint.events.interaction.InteractionReceived;
import io.touchpoint.events.reply.ReplyRequested;
import io.touchpoint.events.ticket.Priority;
import io.touchpoint.events.ticket.TicketAssigned;
import io.touchpoint.events.ticket.TicketEscalated;
import io.touchpoint.starter.cloudevents.CloudEventPublisher;
import io.touchpoint.test.events.EventCapture;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import io.touchpoint.test.infrastructure.TestVirtualHost;
import io.touchpoint.ticket.support.Inbox;
import io.touchpoint.ticket.support.Interactions;
import io.touchpoint.ticket.support.TenantEvents;
import io.touchpoint.ticket.support.TicketApi;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Bot first, a person when needed: new web chat conversations answered by the bot from the tenant's articles, or
 * escalated to the right team's queue and given to an agent, with {@code ticket.escalated}, {@code ticket.assigned}
 * and the bot's {@code reply.requested} checked against the contract's schemas.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "touchpoint.tenant-context.key=" + TicketApi.TENANT_CONTEXT_KEY)
@RealInfrastructure
class BotFirstRoutingIT {

    @LocalServerPort
    int port;

    @Autowired
    CloudEventPublisher publisher;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TestVirtualHost virtualHost;

    String tenant;

    RoutingApi routing;

    Inbox inbox;

    EventCapture escalations;

    EventCapture assignments;

    EventCapture replies;

    String team;

    String ada;

    @BeforeEach
    void tenant() {
        tenant = "tenant_" + UUID.randomUUID().toString().substring(0, 8);
        routing = new RoutingApi(port, tenant);
        inbox = new Inbox(publisher, mongo);
        escalations = EventCapture.bind(virtualHost.connectionFactory(), EventType.TICKET_ESCALATED);
        assignments = EventCapture.bind(virtualHost.connectionFactory(), EventType.TICKET_ASSIGNED);
        replies = EventCapture.bind(virtualHost.connectionFactory(), EventType.REPLY_REQUESTED);
        team = routing.team("{\"name\": \"Support\"}");
        ada = routing.agent("{\"name\": \"Ada\", \"teamIds\": [\"" + team + "\"], \"channels\": [\"web_chat\"]}");
        routing.presence(ada, "online");
    }

    @AfterEach
    void close() {
        escalations.close();
        assignments.close();
        replies.close();
    }

    @Test
    void aCustomerAskingForAPersonIsEscalatedToTheTeamQueueAndGivenToAnAgent() {
        routing.settings("{\"botFirst\": true, \"defaultTeamId\": \"" + team + "\"}");
        InteractionReceived message =
                Interactions.chat("cnv_person_" + tenant, "visitor-1", "Hi! I want to talk to a person, please.");

        String ticket = inbox.deliver(tenant, message);

        TicketEscalated escalated = TenantEvents.await(escalations, tenant, TicketEscalated.class, 1)
                .get(0);
        assertThat(escalated.ticketId()).isEqualTo(ticket);
        assertThat(escalated.level()).isEqualTo(1);
        assertThat(escalated.reason()).isEqualTo(TicketEscalated.Reason.CUSTOMER_REQUEST);
        assertThat(escalated.teamId()).isEqualTo(team);
        assertThat(escalated.assigneeId()).isEqualTo(ada);
        assertThat(escalated.escalatedBy().kind()).isEqualTo(Actor.Kind.AUTOMATION);
        TicketAssigned assigned =
                TenantEvents.await(assignments, tenant, TicketAssigned.class, 1).get(0);
        assertThat(assigned.ticketId()).isEqualTo(ticket);
        assertThat(assigned.teamId()).isEqualTo(team);
        assertThat(assigned.assigneeId()).isEqualTo(ada);
        assertThat(assigned.reason()).isEqualTo(TicketAssigned.Reason.ESCALATION);
        ReplyRequested acknowledgement =
                TenantEvents.await(replies, tenant, ReplyRequested.class, 1).get(0);
        assertThat(acknowledgement.ticketId()).isEqualTo(ticket);
        assertThat(acknowledgement.replyId())
                .isEqualTo("rpl_" + message.interactionId().substring(4));
        assertThat(acknowledgement.channel()).isEqualTo(Channel.WEB_CHAT);
        assertThat(acknowledgement.conversationId()).isEqualTo("cnv_person_" + tenant);
        assertThat(acknowledgement.requestedBy().kind()).isEqualTo(Actor.Kind.AUTOMATION);
        assertThat(acknowledgement.content().text()).contains("within 4 hours");
        String view = routing.admin().get("/v1/tickets/" + ticket + "/routing").body();
        assertThat(JsonPath.<String>read(view, "$.handler")).isEqualTo("person");
        assertThat(JsonPath.<Integer>read(view, "$.escalationLevel")).isEqualTo(1);
        assertThat(JsonPath.<String>read(view, "$.assigneeId")).isEqualTo(ada);
    }

    @Test
    void theBotAnswersFromAnArticleOnceEvenWhenTheMessageComesTwiceAndAPersonTakesOverWhenAsked() {
        routing.settings("{\"botFirst\": true, \"defaultTeamId\": \"" + team + "\"}");
        assertThat(routing.admin()
                        .postJson(
                                "/v1/tickets/knowledge-base/articles",
                                """
                                {"title": "Refund policy", "language": "en", "status": "published",
                                 "body": "You can ask for a refund within 30 days of delivery."}""")
                        .statusCode())
                .isEqualTo(201);
        String conversation = "cnv_refund_" + tenant;
        InteractionReceived question = Interactions.chat(conversation, "visitor-2", "How do I get a refund?");

        String ticket = inbox.deliver(tenant, question);

        ReplyRequested answer =
                TenantEvents.await(replies, tenant, ReplyRequested.class, 1).get(0);
        assertThat(answer.content().text()).contains("Refund policy", "within 30 days of delivery");
        assertThat(answer.requestedBy().id()).isEqualTo("bot");
        // The reply leaves through the outbox before the routing records that the bot handles the ticket.
        await("the bot handles the ticket")
                .untilAsserted(() -> assertThat(handlerOf(ticket)).isEqualTo("bot"));
        assertThat(routing.assigneeOf(ticket)).isNull();
        assertThat(routing.teamOf(ticket)).isNull();

        inbox.send(tenant, question);
        await("the repeated message changes nothing")
                .during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() ->
                        TenantEvents.of(replies, tenant, ReplyRequested.class).size() == 1
                                && TenantEvents.of(escalations, tenant, TicketEscalated.class)
                                        .isEmpty());

        inbox.deliver(tenant, Interactions.chat(conversation, "visitor-2", "That does not help, get me an agent"));

        TicketEscalated escalated = TenantEvents.await(escalations, tenant, TicketEscalated.class, 1)
                .get(0);
        assertThat(escalated.ticketId()).isEqualTo(ticket);
        assertThat(escalated.reason()).isEqualTo(TicketEscalated.Reason.CUSTOMER_REQUEST);
        assertThat(escalated.assigneeId()).isEqualTo(ada);
        assertThat(routing.assigneeOf(ticket)).isEqualTo(ada);
        assertThat(TenantEvents.await(replies, tenant, ReplyRequested.class, 2)
                        .get(1)
                        .content()
                        .text())
                .contains("get back to you");
    }

    @Test
    void aTriageRuleSendsAVipStraightToAPersonOfItsTeam() {
        String vips = routing.team("{\"name\": \"VIP desk\", \"tier\": 2}");
        String bea = routing.agent("{\"name\": \"Bea\", \"teamIds\": [\"" + vips + "\"]}");
        routing.presence(bea, "online");
        routing.settings(
                """
                {"botFirst": true, "defaultTeamId": "%s", "triageRules": [
                  {"id": "trr_vip", "name": "VIP customers", "when": {"customerHandles": ["visitor-vip"]},
                   "then": {"teamId": "%s", "priority": "high", "tags": ["vip"], "escalate": true}}]}"""
                        .formatted(team, vips));

        String ticket =
                inbox.deliver(tenant, Interactions.chat("cnv_vip_" + tenant, "visitor-vip", "Where is my order?"));

        TicketEscalated escalated = TenantEvents.await(escalations, tenant, TicketEscalated.class, 1)
                .get(0);
        assertThat(escalated.reason()).isEqualTo(TicketEscalated.Reason.RULE);
        assertThat(escalated.ruleId()).isEqualTo("trr_vip");
        assertThat(escalated.teamId()).isEqualTo(vips);
        assertThat(escalated.assigneeId()).isEqualTo(bea);
        assertThat(escalated.priority()).isEqualTo(Priority.HIGH);
        String body = routing.ticket(ticket).body();
        assertThat(JsonPath.<String>read(body, "$.priority")).isEqualTo("high");
        assertThat(JsonPath.<List<String>>read(body, "$.tags")).containsExactly("vip");
        assertThat(JsonPath.<String>read(body, "$.assigneeId")).isEqualTo(bea);
    }

    @Test
    void withTheBotSwitchedOffTheCustomerHearsNothingAndAPersonGetsTheTicket() {
        routing.settings("{\"botFirst\": true, \"defaultTeamId\": \"" + team + "\"}");
        assertThat(routing.admin()
                        .putJson("/v1/tickets/bot-settings", "{\"enabled\": false}")
                        .statusCode())
                .isEqualTo(200);

        String ticket = inbox.deliver(tenant, email("Order 77 never arrived"));

        TicketEscalated escalated = TenantEvents.await(escalations, tenant, TicketEscalated.class, 1)
                .get(0);
        assertThat(escalated.ticketId()).isEqualTo(ticket);
        assertThat(escalated.note()).isEqualTo("The bot is disabled.");
        assertThat(escalated.teamId()).isEqualTo(team);
        assertThat(escalated.assigneeId()).as("Ada answers web chat only").isNull();
        assertThat(routing.teamOf(ticket)).isEqualTo(team);
        await("no reply")
                .during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() ->
                        TenantEvents.of(replies, tenant, ReplyRequested.class).isEmpty());
    }

    /** {@code bot}, {@code person} or {@code undecided}: who answers the customer on the ticket. */
    private String handlerOf(String ticket) {
        return JsonPath.read(
                routing.admin().get("/v1/tickets/" + ticket + "/routing").body(), "$.handler");
    }

    private static InteractionReceived email(String subject) {
        String emailId = Interactions.emailId();
        return new InteractionReceived(
                Interactions.messageId(),
                "con_mail",
                Channel.EMAIL,
                emailId,
                new Handle(Handle.Kind.EMAIL, "maria@example.com", "Maria Lopez"),
                new InteractionReceived.ThreadHints(null, emailId, null, List.of()),
                new MessageContent(subject, "Hello, " + subject, null, List.of()),
                "en",
                Instant.now());
    }
}
