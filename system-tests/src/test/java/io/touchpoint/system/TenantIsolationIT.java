package io.touchpoint.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tenant A's key never reaches tenant B's data, on every channel-service route, through the real gateway and the real
 * service: another tenant's id is a 404, and headers a client forges to claim another tenant change nothing.
 */
class TenantIsolationIT {

    private static Platform platform;

    private static PlatformClient tenantA;

    private static PlatformClient tenantB;

    @BeforeAll
    static void platform() {
        platform = Platform.get();
        tenantA = PlatformClient.newTenant(platform, "channels:admin", "channels:read");
        tenantB = PlatformClient.newTenant(platform, "channels:admin", "channels:read");
    }

    @Test
    void anotherTenantsConnectionIsNotFoundOnEveryRoute() {
        String connection = createApiConnection(tenantA);
        String path = "/v1/channels/connections/" + connection;

        assertNotFound(tenantB.get(path));
        assertNotFound(tenantB.patch(path, "{\"displayName\": \"taken over\"}"));
        assertNotFound(tenantB.delete(path));
        assertThat(tenantB.get("/v1/channels/connections").body()).doesNotContain(connection);

        HttpResponse<String> own = tenantA.get(path);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(own.body(), "$.displayName")).isEqualTo("Mobile app");
    }

    @Test
    void anotherTenantsMessageIsNotFound() {
        String connection = createApiConnection(tenantA);
        String message = receiveMessage(connection, "isolation-1");

        assertNotFound(tenantB.get("/v1/channels/messages/" + message));
        assertThat(tenantA.get("/v1/channels/messages/" + message).statusCode()).isEqualTo(200);
    }

    @Test
    void forgedTenantHeadersFromAClientAreIgnored() {
        String connection = createApiConnection(tenantA);
        String path = "/v1/channels/connections/" + connection;
        Map<String, String> forged = Map.of(
                "Touchpoint-Tenant-Context", "v1.forged.forged",
                "X-Tenant-Id", "ignored",
                "X-Touchpoint-Tenant", "ignored");

        assertNotFound(tenantB.get(path, forged));
        assertThat(tenantA.get(path, forged).statusCode()).isEqualTo(200);
        assertThat(PlatformClient.anonymous(platform).get(path, forged).statusCode())
                .isEqualTo(401);
    }

    private static String createApiConnection(PlatformClient tenant) {
        HttpResponse<String> created = tenant.post(
                "/v1/channels/connections",
                "{\"kind\": \"api\", \"displayName\": \"Mobile app\", \"secrets\": {\"signingKey\": \"%s\"}}"
                        .formatted(SIGNING_KEY));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JsonPath.read(created.body(), "$.id");
    }

    private static final String SIGNING_KEY = "system-tests-api-channel-signing-key";

    /** A company app's message through the gateway's public webhook route, signed with the connection's key. */
    private static String receiveMessage(String connection, String messageId) {
        String body =
                "{\"messageId\": \"%s\", \"customer\": {\"kind\": \"external\", \"value\": \"user-1\"}, \"text\": \"hi\"}"
                        .formatted(messageId);
        long t = Instant.now().getEpochSecond();
        HttpResponse<String> response = PlatformClient.anonymous(platform)
                .post(
                        "/webhooks/api/" + connection,
                        body,
                        Map.of("Touchpoint-Signature", "t=" + t + ",v1=" + hmac(t + "." + body)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JsonPath.read(response.body(), "$.id");
    }

    private static String hmac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SIGNING_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertNotFound(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }
}
