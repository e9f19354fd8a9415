package io.touchpoint.ticket.knowledge;

import io.touchpoint.tenancy.TenantContext;
import io.touchpoint.tenancy.TenantContextSigner;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** An HTTP client for a running ticket-service that signs a tenant context the way the gateway does. */
final class KnowledgeApi {

    static final String TENANT_CONTEXT_KEY = "ticket-service-knowledge-tests-tenant-context-key-0123456789";

    private static final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String baseUrl;

    private final TenantContextSigner signer;

    private final TenantContext tenant;

    private KnowledgeApi(String baseUrl, TenantContext tenant) {
        this.baseUrl = baseUrl;
        this.signer = TenantContextSigner.fromSecret(TENANT_CONTEXT_KEY, Duration.ofSeconds(60), Clock.systemUTC());
        this.tenant = tenant;
    }

    /** A client for {@code tenantId} with {@code scopes} (default: tickets:read, tickets:write). */
    static KnowledgeApi forTenant(int port, String tenantId, String... scopes) {
        Set<String> granted = scopes.length == 0 ? Set.of("tickets:read", "tickets:write") : Set.of(scopes);
        return new KnowledgeApi("http://127.0.0.1:" + port, new TenantContext(tenantId, "key_test", granted));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    String tenantId() {
        return tenant.tenantId();
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    HttpResponse<String> delete(String path, Map<String, String> headers) {
        return send(withHeaders(request(path).DELETE(), headers));
    }

    HttpResponse<String> postJson(String path, String json) {
        return send(json(request(path), "POST", json));
    }

    HttpResponse<String> patchJson(String path, String json, Map<String, String> headers) {
        return send(withHeaders(json(request(path), "PATCH", json), headers));
    }

    HttpResponse<String> putJson(String path, String json, Map<String, String> headers) {
        return send(withHeaders(json(request(path), "PUT", json), headers));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(15))
                .header(TenantContextSigner.HEADER, signer.sign(tenant));
    }

    private static HttpRequest.Builder json(HttpRequest.Builder request, String method, String json) {
        return request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder request, Map<String, String> headers) {
        headers.forEach(request::header);
        return request;
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
