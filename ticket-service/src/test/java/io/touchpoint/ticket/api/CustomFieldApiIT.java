package io.touchpoint.ticket.api;

import static io.touchpoint.ticket.api.TicketLifecycleApiIT.assertProblem;
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
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/** {@code /v1/tickets/custom-fields}: declared field types, and ticket values checked and stored as those types. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "touchpoint.tenant-context.key=" + TicketApi.TENANT_CONTEXT_KEY)
@RealInfrastructure
class CustomFieldApiIT {

    private static final String FIELDS = "/v1/tickets/custom-fields";

    @LocalServerPort
    int port;

    @Autowired
    CloudEventPublisher publisher;

    @Autowired
    MongoTemplate mongo;

    TicketApi agent;

    String ticket;

    @BeforeEach
    void ticket() {
        agent = TicketApi.forTenant(
                port, "tenant_" + UUID.randomUUID().toString().substring(0, 8));
        ticket = new Inbox(publisher, mongo).deliver(agent.tenantId(), Interactions.sms("+4915100000030", "Hi"));
    }

    @Test
    void declaredFieldsTypeTheValuesOfTickets() {
        assertThat(put("dueDate", "{\"type\": \"date\", \"label\": \"Due\"}").statusCode())
                .isEqualTo(201);
        assertThat(put("refund", "{\"type\": \"number\"}").statusCode()).isEqualTo(201);

        HttpResponse<String> typed = agent.patchJson(
                "/v1/tickets/" + ticket,
                "{\"customFields\": {\"dueDate\": \"2026-12-01\", \"refund\": 12.50, \"note\": \"2026-12-01\"}}",
                Map.of());

        assertThat(typed.statusCode()).as(typed.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(typed.body(), "$.customFields.dueDate"))
                .isEqualTo("2026-12-01");
        Document stored =
                mongo.getCollection("tickets").find(new Document("_id", ticket)).first();
        Document fields = stored.get("customFields", Document.class);
        assertThat(fields.get("dueDate")).as("a date field is a BSON date").isInstanceOf(java.util.Date.class);
        assertThat(fields.get("note"))
                .as("an undeclared field keeps its JSON type")
                .isEqualTo("2026-12-01");
        assertThat(fields.get("refund")).isInstanceOf(org.bson.types.Decimal128.class);
        assertProblem(
                agent.patchJson("/v1/tickets/" + ticket, "{\"customFields\": {\"dueDate\": \"soon\"}}", Map.of()),
                400,
                "validation_failed");
        assertProblem(
                agent.patchJson("/v1/tickets/" + ticket, "{\"customFields\": {\"refund\": \"12\"}}", Map.of()),
                400,
                "validation_failed");
    }

    @Test
    void aFieldKeepsItsTypeButMayBeRelabelledOrRemoved() {
        put("dueDate", "{\"type\": \"date\"}");

        HttpResponse<String> relabelled = put("dueDate", "{\"type\": \"date\", \"label\": \"Due by\"}");
        assertThat(relabelled.statusCode()).as(relabelled.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(relabelled.body(), "$.label")).isEqualTo("Due by");
        assertProblem(put("dueDate", "{\"type\": \"string\"}"), 409, "field_type_fixed");
        assertProblem(put("due date", "{\"type\": \"string\"}"), 400, "validation_failed");
        assertProblem(put("dueDate", "{\"type\": \"colour\"}"), 400, "validation_failed");
        assertThat(JsonPath.<List<String>>read(agent.get(FIELDS).body(), "$.data[*].name"))
                .containsExactly("dueDate");
        assertThat(TicketApi.forTenant(port, "tenant_other_" + agent.tenantId())
                        .get(FIELDS)
                        .body())
                .isEqualTo("{\"data\":[]}");

        assertThat(agent.delete(FIELDS + "/dueDate").statusCode()).isEqualTo(204);
        assertProblem(agent.delete(FIELDS + "/dueDate"), 404, "custom_field_not_found");
    }

    private HttpResponse<String> put(String name, String json) {
        return agent.putJson(FIELDS + "/" + name.replace(" ", "%20"), json);
    }
}
