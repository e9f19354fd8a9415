package io.touchpoint.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.touchpoint.channel.support.ChannelApi;
import io.touchpoint.channel.support.Connections;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/** {@code /v1/channels/connections} over HTTP against the real MongoDB-protocol server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class ConnectionApiIT {

    private static final String SMS =
            """
            {"kind": "sms", "displayName": "Support line",
             "settings": {"phoneNumber": "+14155550100", "accountSid": "AC123"},
             "secrets": {"authToken": "twilio-auth-token-secret"}}""";

    @LocalServerPort
    int port;

    @Value("${touchpoint.tenant-context.key}")
    String tenantContextKey;

    @Autowired
    MongoTemplate mongo;

    ChannelApi tenantA;

    ChannelApi tenantB;

    @BeforeEach
    void clients() {
        tenantA = ChannelApi.forTenant(port, tenantContextKey, "tenant_a");
        tenantB = ChannelApi.forTenant(port, tenantContextKey, "tenant_b");
    }

    @Test
    void createdConnectionShowsItsSecretNamesButNeverTheirValues() {
        HttpResponse<String> created = tenantA.postJson("/v1/channels/connections", SMS);

        assertThat(created.statusCode()).isEqualTo(201);
        String id = JsonPath.read(created.body(), "$.id");
        assertThat(id).startsWith("con_");
        assertThat(created.headers().firstValue("Location")).hasValue("/v1/channels/connections/" + id);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(JsonPath.<String>read(created.body(), "$.kind")).isEqualTo("sms");
        assertThat(JsonPath.<String>read(created.body(), "$.status")).isEqualTo("active");
        assertThat(JsonPath.<List<String>>read(created.body(), "$.secretNames")).containsExactly("authToken");
        assertThat(JsonPath.<String>read(created.body(), "$.webhookPath")).isEqualTo("/webhooks/sms/" + id);
        assertThat(created.body()).doesNotContain("twilio-auth-token-secret");
        assertThat(tenantA.get("/v1/channels/connections/" + id).body()).doesNotContain("twilio-auth-token-secret");
    }

    @Test
    void secretsAreEncryptedAtRest() {
        String id = Connections.create(tenantA, SMS);

        Document stored =
                mongo.getCollection("connections").find(new Document("_id", id)).first();

        assertThat(stored).isNotNull();
        assertThat(stored.toJson()).doesNotContain("twilio-auth-token-secret");
        assertThat(stored.get("secrets", Document.class).getString("authToken")).startsWith("v1:");
    }

    @Test
    void anotherTenantsConnectionIsNotFound() {
        String id = Connections.create(tenantA, SMS);

        assertThat(tenantB.get("/v1/channels/connections/" + id).statusCode()).isEqualTo(404);
        assertThat(tenantB.patchJson("/v1/channels/connections/" + id, "{\"displayName\": \"mine\"}", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(tenantB.delete("/v1/channels/connections/" + id).statusCode())
                .isEqualTo(404);
        assertThat(tenantB.get("/v1/channels/connections").body()).doesNotContain(id);
        assertThat(tenantA.get("/v1/channels/connections/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void updateHonoursIfMatchAndMergesSecrets() {
        String id = Connections.create(tenantA, SMS);

        HttpResponse<String> stale = tenantA.patchJson(
                "/v1/channels/connections/" + id, "{\"displayName\": \"Renamed\"}", Map.of("If-Match", "\"7\""));
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));

        HttpResponse<String> updated = tenantA.patchJson(
                "/v1/channels/connections/" + id,
                "{\"displayName\": \"Renamed\", \"secrets\": {\"webhookKey\": \"k\"}, \"status\": \"disabled\"}",
                Map.of("If-Match", "\"1\""));
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(updated.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(JsonPath.<String>read(updated.body(), "$.displayName")).isEqualTo("Renamed");
        assertThat(JsonPath.<String>read(updated.body(), "$.status")).isEqualTo("disabled");
        assertThat(JsonPath.<List<String>>read(updated.body(), "$.secretNames"))
                .containsExactly("authToken", "webhookKey");
    }

    @Test
    void listIsCursorPaginatedInCreationOrder() {
        ChannelApi tenant = ChannelApi.forTenant(port, tenantContextKey, "tenant_paging");
        String first = Connections.create(tenant, SMS);
        String second = Connections.create(tenant, SMS);
        String third = Connections.create(tenant, SMS);

        HttpResponse<String> page1 = tenant.get("/v1/channels/connections?limit=2");
        assertThat(JsonPath.<List<String>>read(page1.body(), "$.data[*].id")).containsExactly(first, second);
        String next = JsonPath.read(page1.body(), "$.next");

        HttpResponse<String> page2 = tenant.get("/v1/channels/connections?limit=2&after=" + next);
        assertThat(JsonPath.<List<String>>read(page2.body(), "$.data[*].id")).containsExactly(third);
        assertThat(page2.body()).doesNotContain("\"next\"");
        assertThat(tenant.get("/v1/channels/connections?kind=email").body()).isEqualTo("{\"data\":[]}");
    }

    @Test
    void invalidRequestsAreProblemsAndStoreNothing() {
        long before = mongo.getCollection("connections").countDocuments();

        assertProblem(
                tenantA.postJson("/v1/channels/connections", "{\"kind\": \"pigeon\", \"displayName\": \"x\"}"), 400);
        assertProblem(tenantA.postJson("/v1/channels/connections", "{\"kind\": \"sms\"}"), 400);
        assertProblem(
                tenantA.postJson(
                        "/v1/channels/connections",
                        "{\"kind\": \"sms\", \"displayName\": \"x\", \"tenantId\": \"tenant_b\"}"),
                400);
        assertProblem(
                tenantA.postJson(
                        "/v1/channels/connections",
                        "{\"kind\": \"sms\", \"displayName\": \"x\", \"settings\": {\"a.b\": \"v\"}}"),
                400);
        assertProblem(tenantA.get("/v1/channels/connections?limit=500"), 400);
        assertProblem(tenantA.get("/v1/channels/connections?after=!!!"), 400);

        assertThat(mongo.getCollection("connections").countDocuments()).isEqualTo(before);
    }

    @Test
    void connectionsNeedTheAdminScope() {
        ChannelApi reader = ChannelApi.forTenant(port, tenantContextKey, "tenant_a", "channels:read");

        assertProblem(reader.get("/v1/channels/connections"), 403);
        assertProblem(reader.postJson("/v1/channels/connections", SMS), 403);
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JsonPath.<String>read(response.body(), "$.code")).isNotBlank();
    }
}
