package io.touchpoint.channel.support;

import io.touchpoint.tenancy.TenantContext;
import io.touchpoint.tenancy.TenantContextSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * An HTTP client for a running channel-service: {@code /v1/**} calls carry a tenant context signed the way the gateway
 * signs it, webhook calls go out as a provider would send them.
 */
public final class ChannelApi {

    public static final String ALL_SCOPES = "channels:admin";

    private static final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String baseUrl;

    private final TenantContextSigner signer;

    private final TenantContext tenant;

    private ChannelApi(String baseUrl, TenantContextSigner signer, TenantContext tenant) {
        this.baseUrl = baseUrl;
        this.signer = signer;
        this.tenant = tenant;
    }

    /** A client for {@code tenantId} with {@code scopes} (default: channels:admin, channels:read). */
    public static ChannelApi forTenant(int port, String tenantContextKey, String tenantId, String... scopes) {
        Set<String> granted = scopes.length == 0 ? Set.of("channels:admin", "channels:read") : Set.of(scopes);
        return new ChannelApi(
                "http://127.0.0.1:" + port,
                TenantContextSigner.fromSecret(tenantContextKey, Duration.ofSeconds(60), Clock.systemUTC()),
                new TenantContext(tenantId, "key_test", granted));
    }

    public String tenantId() {
        return tenant.tenantId();
    }

    public String baseUrl() {
        return baseUrl;
    }

    public HttpResponse<String> get(String path) {
        return send(authorized(path).GET());
    }

    public HttpResponse<String> delete(String path) {
        return send(authorized(path).DELETE());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(authorized(path).header("Content-Type", "application/json").POST(body(json)));
    }

    public HttpResponse<String> patchJson(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request =
                authorized(path).header("Content-Type", "application/json").method("PATCH", body(json));
        headers.forEach(request::header);
        return send(request);
    }

    /** A request without tenant context, as a provider's webhook or a browser reaches the service. */
    public HttpResponse<String> sendPublic(HttpRequest.Builder request) {
        return send(request);
    }

    /** A request builder for {@code path} of this service, without tenant context. */
    public HttpRequest.Builder publicRequest(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(15));
    }

    private HttpRequest.Builder authorized(String path) {
        return publicRequest(path).header(TenantContextSigner.HEADER, signer.sign(tenant));
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
