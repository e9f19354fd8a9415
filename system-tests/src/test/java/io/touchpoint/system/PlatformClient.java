package io.touchpoint.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Calls through the gateway, as a frontend or partner would: with an API key, or without one on public routes. */
final class PlatformClient {

    private static final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String baseUrl;

    private final String apiKey;

    private final String tenantId;

    /** Who the services see calling with a {@link #newTenant} client's key: the key's id. */
    private final String principal;

    private PlatformClient(String baseUrl, String apiKey, String tenantId, String principal) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.tenantId = tenantId;
        this.principal = principal;
    }

    static PlatformClient admin(Platform platform) {
        return new PlatformClient(platform.gatewayUrl(), Platform.ADMIN_KEY, null, null);
    }

    static PlatformClient anonymous(Platform platform) {
        return new PlatformClient(platform.gatewayUrl(), null, null, null);
    }

    /** Creates a tenant with a fresh id and a key holding {@code scopes}, and returns a client using that key. */
    static PlatformClient newTenant(Platform platform, String... scopes) {
        return newTenantOnPlan(platform, "standard", scopes);
    }

    /** {@link #newTenant}, on another rate-limit plan than the default one. */
    static PlatformClient newTenantOnPlan(Platform platform, String plan, String... scopes) {
        PlatformClient admin = admin(platform);
        String tenantId = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        HttpResponse<String> tenant = admin.post(
                "/v1/admin/tenants",
                "{\"id\": \"%s\", \"name\": \"System test %s\", \"plan\": \"%s\"}".formatted(tenantId, tenantId, plan));
        assertThat(tenant.statusCode()).as(tenant.body()).isEqualTo(201);
        String scopeList = String.join("\", \"", List.of(scopes));
        HttpResponse<String> key = admin.post(
                "/v1/admin/tenants/" + tenantId + "/api-keys",
                "{\"name\": \"system tests\", \"scopes\": [\"%s\"]}".formatted(scopeList));
        assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
        return new PlatformClient(
                platform.gatewayUrl(),
                JsonPath.read(key.body(), "$.secret"),
                tenantId,
                JsonPath.read(key.body(), "$.id"));
    }

    String tenantId() {
        return tenantId;
    }

    String principal() {
        return principal;
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(body(json)));
    }

    HttpResponse<String> post(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request =
                request(path).header("Content-Type", "application/json").POST(body(json));
        headers.forEach(request::header);
        return send(request);
    }

    HttpResponse<String> put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(body(json)));
    }

    HttpResponse<String> patch(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").method("PATCH", body(json)));
    }

    HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = request(path).GET();
        headers.forEach(request::header);
        return send(request);
    }

    /** Opens a server-sent event stream; the request's timeout ends once the response's headers have arrived. */
    EventStream stream(String path) {
        try {
            return new EventStream(http.send(
                    request(path).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new AssertionError("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(15));
        if (apiKey != null) {
            builder.header("Authorization", "Bearer " + apiKey);
        }
        return builder;
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return HttpRequest.BodyPublishers.ofString(json);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
