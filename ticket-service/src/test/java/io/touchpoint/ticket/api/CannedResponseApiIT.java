package io.touchpoint.ticket.api;

import static io.touchpoint.ticket.api.TicketLifecycleApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.touchpoint.events.EventType;
import io.touchpoint.events.reply.ReplyRequested;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/** {@code /v1/tickets/canned-responses}, and replies made from them with their placeholders filled in. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "touchpoint.tenant-context.key=" + TicketApi.TENANT_CONTEXT_KEY)
@RealInfrastructure
class CannedResponseApiIT {

    private static final String PATH = "/v1/tickets/canned-responses";

    @LocalServerPort
    int port;

    @Autowired
    CloudEventPublisher publisher;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TestVirtualHost virtualHost;

    TicketApi agent;

    @BeforeEach
    void tenant() {
        agent = TicketApi.forAgent(
                port, "tenant_" + UUID.randomUUID().toString().substring(0, 8), "agt_jonas");
    }

    @Test
    void cannedResponsesAreCreatedReadChangedWithIfMatchAndDeleted() {
        HttpResponse<String> created = agent.postJson(
                PATH, "{\"name\": \"Shipped\", \"text\": \"Hi {{customer.name | there}}, it shipped.\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JsonPath.read(created.body(), "$.id");
        assertThat(id).startsWith("cnr_");
        assertThat(created.headers().firstValue("Location")).hasValue(PATH + "/" + id);

        assertProblem(
                agent.patchJson(PATH + "/" + id, "{\"name\": \"x\"}", Map.of("If-Match", "\"5\"")),
                412,
                "precondition_failed");
        HttpResponse<String> renamed =
                agent.patchJson(PATH + "/" + id, "{\"name\": \"Order shipped\"}", Map.of("If-Match", "\"1\""));
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(JsonPath.<List<String>>read(agent.get(PATH).body(), "$.data[*].name"))
                .containsExactly("Order shipped");

        assertThat(agent.delete(PATH + "/" + id).statusCode()).isEqualTo(204);
        assertProblem(agent.get(PATH + "/" + id), 404, "canned_response_not_found");
    }

    @Test
    void unknownPlaceholdersAndAnotherTenantsResponsesAreRefused() {
        assertProblem(
                agent.postJson(PATH, "{\"name\": \"Bad\", \"text\": \"Hi {{customer.iban}}\"}"),
                400,
                "validation_failed");
        String id = JsonPath.read(
                agent.postJson(PATH, "{\"name\": \"Mine\", \"text\": \"Hello\"}")
                        .body(),
                "$.id");

        TicketApi other = TicketApi.forTenant(
                port, "tenant_other_" + UUID.randomUUID().toString().substring(0, 8));
        assertProblem(other.get(PATH + "/" + id), 404, "canned_response_not_found");
        assertProblem(other.delete(PATH + "/" + id), 404, "canned_response_not_found");
        assertThat(other.get(PATH).body()).doesNotContain(id);
    }

    @Test
    void aReplyFromACannedResponseIsFilledInForTheTicket() {
        String ticket = new Inbox(publisher, mongo)
                .deliver(
                        agent.tenantId(),
                        Interactions.chat("cnv_canned_" + agent.tenantId(), "visitor-5", "Where is it?"));
        String canned = JsonPath.read(
                agent.postJson(
                                PATH,
                                "{\"name\": \"Status\", \"text\": \"Hi {{customer.name}}, {{agent.id}} here about {{ticket.id}}.\"}")
                        .body(),
                "$.id");

        try (EventCapture replies = EventCapture.bind(virtualHost.connectionFactory(), EventType.REPLY_REQUESTED)) {
            HttpResponse<String> reply =
                    agent.postJson("/v1/tickets/" + ticket + "/replies", "{\"cannedResponseId\": \"" + canned + "\"}");

            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
            String expected = "Hi Visitor visitor-5, agt_jonas here about " + ticket + ".";
            assertThat(JsonPath.<String>read(reply.body(), "$.content.text")).isEqualTo(expected);
            assertThat(TenantEvents.await(replies, agent.tenantId(), ReplyRequested.class, 1)
                            .get(0)
                            .content()
                            .text())
                    .isEqualTo(expected);
        }
        assertProblem(
                agent.postJson(
                        "/v1/tickets/" + ticket + "/replies",
                        "{\"text\": \"x\", \"cannedResponseId\": \"" + canned + "\"}"),
                400,
                "validation_failed");
    }
}
