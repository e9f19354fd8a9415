package io.touchpoint.system;

import static io.touchpoint.system.Responses.assertNotFound;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.util.Map;
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
        String connection = ApiChannel.create(platform, tenantA).id();
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
        String message = ApiChannel.create(platform, tenantA).receive("isolation-1", "user-1", "hi");

        assertNotFound(tenantB.get("/v1/channels/messages/" + message));
        assertThat(tenantA.get("/v1/channels/messages/" + message).statusCode()).isEqualTo(200);
    }

    @Test
    void forgedTenantHeadersFromAClientAreIgnored() {
        String connection = ApiChannel.create(platform, tenantA).id();
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
}
