package io.touchpoint.ticket.support;

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

/** An HTTP client for a running ticket-service whose calls carry a tenant context signed the way the gateway signs it. */
public final class TicketApi {

    /** The key the tests' ticket-service verifies tenant contexts with. */
    public static final String TENANT_CONTEXT_KEY = "ticket-service-tests-tenant-context-key-0123456789";

    private static final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String baseUrl;

    private final TenantContextSigner signer;

    private final TenantContext tenant;

    private TicketApi(String baseUrl, TenantContext tenant, Clock clock) {
        this.baseUrl = baseUrl;
        this.signer = TenantContextSigner.fromSecret(TENANT_CONTEXT_KEY, Duration.ofSeconds(60), clock);
        this.tenant = tenant;
    }

    /** A client for agent {@code principal} of {@code tenantId}, with {@code scopes} (default: agent). */
    public static TicketApi forAgent(int port, String tenantId, String principal, String... scopes) {
        Set<String> granted = scopes.length == 0 ? Set.of("agent") : Set.of(scopes);
        return new TicketApi(
                "http://127.0.0.1:" + port, new TenantContext(tenantId, principal, granted), Clock.systemUTC());
    }

    /** A client for a service whose clock a test moves: the tenant context is signed at that clock's time. */
    public static TicketApi forTenant(int port, String tenantId, Clock clock, String... scopes) {
        Set<String> granted = scopes.length == 0 ? Set.of("agent") : Set.of(scopes);
        return new TicketApi("http://127.0.0.1:" + port, new TenantContext(tenantId, "agt_test", granted), clock);
    }

    public static TicketApi forTenant(int port, String tenantId, String... scopes) {
        return forAgent(port, tenantId, "agt_test", scopes);
    }

    public String tenantId() {
        return tenant.tenantId();
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return postJson(path, json, Map.of());
    }

    public HttpResponse<String> postJson(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request);
    }

    public HttpResponse<String> putJson(String path, String json) {
        return putJson(path, json, Map.of());
    }

    public HttpResponse<String> putJson(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request =
                request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request);
    }

    public HttpResponse<String> patchJson(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(15))
                .header(TenantContextSigner.HEADER, signer.sign(tenant));
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
