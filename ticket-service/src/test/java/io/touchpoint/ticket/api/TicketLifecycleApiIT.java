package io.touchpoint.ticket.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.touchpoint.events.Actor;
import io.touchpoint.events.Channel;
import io.touchpoint.events.EventType;
import io.touchpoint.events.interaction.InteractionReceived;
import io.touchpoint.events.reply.ReplyRequested;
import io.touchpoint.events.ticket.TicketAssigned;
import io.touchpoint.events.ticket.TicketResolved;
import io.touchpoint.starter.cloudevents.CloudEventPublisher;
import io.touchpoint.test.events.EventCapture;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import io.touchpoint.test.infrastructure.TestVirtualHost;
import io.touchpoint.ticket.support.Inbox;
import io.touchpoint.ticket.support.Interactions;
import io.touchpoint.ticket.support.TenantEvents;
import io.touchpoint.ticket.support.TicketApi;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A ticket's life through {@code /v1/tickets}: status changes and the events they announce, working fields with
 * {@code If-Match}, agent replies sent through channel-service, internal notes, merges, and tenant isolation.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "touchpoint.tenant-context.key=" + TicketApi.TENANT_CONTEXT_KEY)
@RealInfrastructure
class TicketLifecycleApiIT {

    @LocalServerPort
    int port;

    @Autowired
    CloudEventPublisher publisher;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TestVirtualHost virtualHost;

    String tenant;

    TicketApi agent;

    Inbox inbox;

    EventCapture replies;

    EventCapture resolutions;

    EventCapture assignments;

    @BeforeEach
    void tenant() {
        tenant = "tenant_" + UUID.randomUUID().toString().substring(0, 8);
        agent = TicketApi.forAgent(port, tenant, "agt_jonas");
        inbox = new Inbox(publisher, mongo);
        replies = EventCapture.bind(virtualHost.connectionFactory(), EventType.REPLY_REQUESTED);
        resolutions = EventCapture.bind(virtualHost.connectionFactory(), EventType.TICKET_RESOLVED);
        assignments = EventCapture.bind(virtualHost.connectionFactory(), EventType.TICKET_ASSIGNED);
    }

    @AfterEach
    void close() {
        replies.close();
        resolutions.close();
        assignments.close();
    }

    @Test
    void aTicketMovesThroughItsLifeAndAnnouncesItsResolution() {
        String ticket = inbox.deliver(tenant, Interactions.sms("+4915100000010", "Screen broken"));

        assertThat(status(move(ticket, "pending"))).isEqualTo("pending");
        assertThat(status(move(ticket, "on_hold"))).isEqualTo("on_hold");
        assertThat(status(move(ticket, "open"))).isEqualTo("open");
        HttpResponse<String> resolved = agent.postJson(
                "/v1/tickets/" + ticket + "/status", "{\"status\": \"resolved\", \"resolution\": \"solved\"}");
        assertThat(status(resolved)).isEqualTo("resolved");
        assertThat(JsonPath.<String>read(resolved.body(), "$.resolvedAt")).isNotBlank();
        assertThat(status(move(ticket, "closed"))).isEqualTo("closed");

        TicketResolved event =
                TenantEvents.await(resolutions, tenant, TicketResolved.class, 1).get(0);
        assertThat(event.ticketId()).isEqualTo(ticket);
        assertThat(event.channel()).isEqualTo(Channel.SMS);
        assertThat(event.requester().value()).isEqualTo("+4915100000010");
        assertThat(event.resolvedBy()).isEqualTo(Actor.agent("agt_jonas"));
        assertThat(event.resolution()).isEqualTo(TicketResolved.Resolution.SOLVED);
    }

    @Test
    void transitionsTheLifecycleDoesNotAllowAreConflicts() {
        String ticket = inbox.deliver(tenant, Interactions.sms("+4915100000011", "Hello"));

        HttpResponse<String> closeNew = move(ticket, "closed");
        assertProblem(closeNew, 409, "invalid_transition");
        assertThat(JsonPath.<String>read(closeNew.body(), "$.detail"))
                .isEqualTo("A new ticket cannot be moved to closed.");

        move(ticket, "resolved");
        move(ticket, "closed");
        assertProblem(move(ticket, "open"), 409, "invalid_transition");
        assertProblem(
                agent.postJson("/v1/tickets/" + ticket + "/replies", "{\"text\": \"hi\"}"), 409, "invalid_transition");
        assertProblem(
                agent.postJson("/v1/tickets/" + ticket + "/notes", "{\"text\": \"hi\"}"), 409, "invalid_transition");
        assertProblem(
                agent.patchJson("/v1/tickets/" + ticket, "{\"priority\": \"high\"}", Map.of()),
                409,
                "invalid_transition");
        assertProblem(move(ticket, "archived"), 400, "validation_failed");
    }

    @Test
    void workingFieldsChangeWithIfMatchAndAnAssignmentIsAnnounced() {
        String ticket = inbox.deliver(tenant, Interactions.sms("+4915100000012", "Invoice wrong"));
        String etag =
                agent.get("/v1/tickets/" + ticket).headers().firstValue("ETag").orElseThrow();

        assertProblem(
                agent.patchJson("/v1/tickets/" + ticket, "{\"priority\": \"high\"}", Map.of("If-Match", "\"999\"")),
                412,
                "precondition_failed");
        HttpResponse<String> updated = agent.patchJson(
                "/v1/tickets/" + ticket,
                """
                {"priority": "urgent", "tags": ["Billing", "vip"], "title": "Invoice 2026-11 is wrong",
                 "customFields": {"orderNumber": "10442", "refundAmount": 12.5, "callback": true},
                 "teamId": "team_billing", "assigneeId": "agt_ada"}""",
                Map.of("If-Match", etag));

        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(updated.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        assertThat(JsonPath.<String>read(updated.body(), "$.priority")).isEqualTo("urgent");
        assertThat(JsonPath.<List<String>>read(updated.body(), "$.tags")).containsExactly("billing", "vip");
        assertThat(JsonPath.<Double>read(updated.body(), "$.customFields.refundAmount"))
                .isEqualTo(12.5);
        assertThat(JsonPath.<Boolean>read(updated.body(), "$.customFields.callback"))
                .isTrue();
        assertThat(JsonPath.<String>read(updated.body(), "$.customFields.orderNumber"))
                .isEqualTo("10442");
        TicketAssigned assigned =
                TenantEvents.await(assignments, tenant, TicketAssigned.class, 1).get(0);
        assertThat(assigned.ticketId()).isEqualTo(ticket);
        assertThat(assigned.teamId()).isEqualTo("team_billing");
        assertThat(assigned.assigneeId()).isEqualTo("agt_ada");
        assertThat(assigned.reason()).isEqualTo(TicketAssigned.Reason.MANUAL);
        assertThat(assigned.assignedBy()).isEqualTo(Actor.agent("agt_jonas"));

        HttpResponse<String> unassigned = agent.patchJson(
                "/v1/tickets/" + ticket, "{\"assigneeId\": null, \"customFields\": {\"callback\": null}}", Map.of());
        assertThat(unassigned.statusCode()).as(unassigned.body()).isEqualTo(200);
        assertThat(unassigned.body()).doesNotContain("assigneeId").doesNotContain("callback");
        assertThat(JsonPath.<String>read(unassigned.body(), "$.teamId")).isEqualTo("team_billing");
    }

    @Test
    void invalidChangesAreProblemsAndChangeNothing() {
        String ticket = inbox.deliver(tenant, Interactions.sms("+4915100000013", "Hi"));

        assertProblem(
                agent.patchJson("/v1/tickets/" + ticket, "{\"assigneeId\": \"agt_ada\"}", Map.of()),
                400,
                "validation_failed");
        assertProblem(
                agent.patchJson("/v1/tickets/" + ticket, "{\"priority\": \"whenever\"}", Map.of()),
                400,
                "malformed_body");
        assertProblem(
                agent.patchJson("/v1/tickets/" + ticket, "{\"status\": \"open\"}", Map.of()), 400, "malformed_body");
        assertProblem(
                agent.patchJson("/v1/tickets/" + ticket, "{\"tags\": [\"two words\"]}", Map.of()),
                400,
                "validation_failed");
        assertProblem(
                agent.patchJson("/v1/tickets/" + ticket, "{\"customFields\": {\"x\": {\"nested\": 1}}}", Map.of()),
                400,
                "validation_failed");
        assertThat(JsonPath.<Integer>read(agent.get("/v1/tickets/" + ticket).body(), "$.version"))
                .isZero();
    }

    @Test
    void anAgentReplyIsSentToTheCustomerThreadedUnderTheirLatestEmail() {
        String first = Interactions.emailId();
        String second = Interactions.emailId();
        InteractionReceived opening =
                Interactions.email("maria@example.com", "Order 10442 arrived damaged", first, null, List.of());
        String ticket = inbox.deliver(tenant, opening);
        inbox.deliver(
                tenant,
                Interactions.email(
                        "maria@example.com", "Re: Order 10442 arrived damaged", second, first, List.of(first)));

        HttpResponse<String> reply = agent.postJson(
                "/v1/tickets/" + ticket + "/replies",
                "{\"text\": \"The replacement left our warehouse.\", \"status\": \"pending\"}");

        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        assertThat(JsonPath.<String>read(reply.body(), "$.kind")).isEqualTo("reply");
        String replyId = JsonPath.read(reply.body(), "$.id");
        ReplyRequested requested =
                TenantEvents.await(replies, tenant, ReplyRequested.class, 1).get(0);
        assertThat(requested.replyId()).isEqualTo(replyId).startsWith("rpl_");
        assertThat(requested.ticketId()).isEqualTo(ticket);
        assertThat(requested.recipient().value()).isEqualTo("maria@example.com");
        assertThat(requested.connectionId()).isEqualTo("con_mail");
        assertThat(requested.channel()).isEqualTo(Channel.EMAIL);
        assertThat(requested.inReplyTo()).isEqualTo(second);
        assertThat(requested.references()).containsExactly(first, second);
        assertThat(requested.content().text()).isEqualTo("The replacement left our warehouse.");
        assertThat(requested.content().subjectLine()).isEqualTo("Re: Order 10442 arrived damaged");
        assertThat(requested.requestedBy()).isEqualTo(Actor.agent("agt_jonas"));
        assertThat(requested.conversationId())
                .isEqualTo(
                        JsonPath.<String>read(agent.get("/v1/tickets/" + ticket).body(), "$.conversationId"));

        HttpResponse<String> read = agent.get("/v1/tickets/" + ticket);
        assertThat(JsonPath.<String>read(read.body(), "$.status")).isEqualTo("pending");
        assertThat(JsonPath.<String>read(read.body(), "$.firstResponseAt")).isNotBlank();
        assertThat(JsonPath.<List<String>>read(read.body(), "$.messages[*].kind"))
                .containsExactly("customer", "customer", "reply");

        move(ticket, "resolved");
        TicketResolved resolved =
                TenantEvents.await(resolutions, tenant, TicketResolved.class, 1).get(0);
        assertThat(resolved.firstResponseSeconds()).isNotNull();
    }

    @Test
    void aReplyRetriedWithItsIdempotencyKeyIsSentOnce() {
        String ticket = inbox.deliver(tenant, Interactions.sms("+4915100000020", "Hello?"));
        Map<String, String> key = Map.of("Idempotency-Key", "reply-" + ticket);

        HttpResponse<String> first = agent.postJson("/v1/tickets/" + ticket + "/replies", "{\"text\": \"Hi!\"}", key);
        HttpResponse<String> retried = agent.postJson("/v1/tickets/" + ticket + "/replies", "{\"text\": \"Hi!\"}", key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(retried.statusCode()).isEqualTo(201);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(retried.body()).isEqualTo(first.body());
        String location = first.headers().firstValue("Location").orElseThrow();
        assertThat(JsonPath.<String>read(agent.get(location).body(), "$.content.text"))
                .isEqualTo("Hi!");
        assertThat(JsonPath.<List<String>>read(
                        agent.get("/v1/tickets/" + ticket + "/messages").body(), "$.data[*].kind"))
                .containsExactly("customer", "reply");
        assertProblem(agent.get("/v1/tickets/" + ticket + "/messages/rpl_unknown"), 404, "message_not_found");
    }

    @Test
    void notesAreInternalAndSendNothing() {
        String ticket = inbox.deliver(tenant, Interactions.sms("+4915100000014", "Hello"));

        HttpResponse<String> note =
                agent.postJson("/v1/tickets/" + ticket + "/notes", "{\"text\": \"Customer is a reseller.\"}");
        agent.postJson("/v1/tickets/" + ticket + "/replies", "{\"text\": \"Hi!\"}");

        assertThat(note.statusCode()).as(note.body()).isEqualTo(201);
        assertThat(JsonPath.<Boolean>read(note.body(), "$.internal")).isTrue();
        HttpResponse<String> messages = agent.get("/v1/tickets/" + ticket + "/messages");
        assertThat(JsonPath.<List<String>>read(messages.body(), "$.data[*].kind"))
                .containsExactly("customer", "note", "reply");
        assertThat(TenantEvents.await(replies, tenant, ReplyRequested.class, 1))
                .singleElement()
                .satisfies(reply -> assertThat(reply.content().text()).isEqualTo("Hi!"));
    }

    @Test
    void aMergedTicketIsClosedAndItsConversationContinuesOnTheTarget() {
        String phone = "+4915100000015";
        String target = inbox.deliver(
                tenant, Interactions.email("maria@example.com", "Refund", Interactions.emailId(), null, List.of()));
        String source = inbox.deliver(tenant, Interactions.sms(phone, "About my refund"));

        HttpResponse<String> merged =
                agent.postJson("/v1/tickets/" + target + "/merge", "{\"sourceTicketId\": \"" + source + "\"}");

        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(merged.body(), "$.mergedFrom")).containsExactly(source);
        HttpResponse<String> closed = agent.get("/v1/tickets/" + source);
        assertThat(JsonPath.<String>read(closed.body(), "$.status")).isEqualTo("closed");
        assertThat(JsonPath.<String>read(closed.body(), "$.mergedInto")).isEqualTo(target);
        assertThat(inbox.deliver(tenant, Interactions.sms(phone, "Any news?"))).isEqualTo(target);
        assertThat(JsonPath.<List<String>>read(
                        agent.get("/v1/tickets/" + target).body(), "$.messages[*].content.text"))
                .containsExactly("About my order: Refund", "About my refund", "Any news?");
        assertThat(agent.postJson("/v1/tickets/" + target + "/merge", "{\"sourceTicketId\": \"" + source + "\"}")
                        .statusCode())
                .as("merging the same pair again")
                .isEqualTo(200);
        String third = inbox.deliver(tenant, Interactions.sms("+4915100000016", "Other"));
        assertProblem(
                agent.postJson("/v1/tickets/" + third + "/merge", "{\"sourceTicketId\": \"" + source + "\"}"),
                409,
                "invalid_transition");
    }

    @Test
    void anotherTenantsTicketIsNotFound() {
        String ticket = inbox.deliver(tenant, Interactions.sms("+4915100000017", "Private"));
        TicketApi other = TicketApi.forTenant(port, "tenant_other_" + tenant);
        String mine = inbox.deliver(other.tenantId(), Interactions.sms("+4915100000018", "Mine"));

        assertProblem(other.get("/v1/tickets/" + ticket), 404, "ticket_not_found");
        assertProblem(other.get("/v1/tickets/" + ticket + "/messages"), 404, "ticket_not_found");
        assertProblem(
                other.patchJson("/v1/tickets/" + ticket, "{\"priority\": \"low\"}", Map.of()), 404, "ticket_not_found");
        assertProblem(
                other.postJson("/v1/tickets/" + ticket + "/status", "{\"status\": \"open\"}"), 404, "ticket_not_found");
        assertProblem(
                other.postJson("/v1/tickets/" + ticket + "/replies", "{\"text\": \"x\"}"), 404, "ticket_not_found");
        assertProblem(other.postJson("/v1/tickets/" + ticket + "/notes", "{\"text\": \"x\"}"), 404, "ticket_not_found");
        assertProblem(
                other.postJson("/v1/tickets/" + mine + "/merge", "{\"sourceTicketId\": \"" + ticket + "\"}"),
                404,
                "ticket_not_found");
        assertThat(other.get("/v1/tickets").body()).doesNotContain(ticket);
        assertThat(JsonPath.<String>read(agent.get("/v1/tickets/" + ticket).body(), "$.status"))
                .isEqualTo("new");
    }

    @Test
    void aReadOnlyKeyCannotChangeTickets() {
        String ticket = inbox.deliver(tenant, Interactions.sms("+4915100000019", "Hi"));
        TicketApi reader = TicketApi.forTenant(port, tenant, "tickets:read");

        assertThat(reader.get("/v1/tickets/" + ticket).statusCode()).isEqualTo(200);
        assertProblem(
                reader.postJson("/v1/tickets/" + ticket + "/status", "{\"status\": \"open\"}"),
                403,
                "insufficient_scope");
        assertProblem(
                reader.postJson("/v1/tickets/" + ticket + "/replies", "{\"text\": \"x\"}"), 403, "insufficient_scope");
    }

    private HttpResponse<String> move(String ticket, String status) {
        return agent.postJson("/v1/tickets/" + ticket + "/status", "{\"status\": \"" + status + "\"}");
    }

    private static String status(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonPath.read(response.body(), "$.status");
    }

    static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JsonPath.<String>read(response.body(), "$.code")).isEqualTo(code);
    }
}
