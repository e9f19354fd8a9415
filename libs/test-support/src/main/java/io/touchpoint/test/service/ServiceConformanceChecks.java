package io.touchpoint.test.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
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
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What every service must do, checked over real HTTP against the running application: healthy probes that include
 * its infrastructure, Prometheus metrics tagged with its name, and a tenant filter that refuses missing, forged and
 * expired tenant contexts with 401 problem+json while letting a valid one through.
 *
 * <p>Extend it from a {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} test that also has
 * {@code @RealInfrastructure}; it sets the shared tenant context key itself.
 */
public abstract class ServiceConformanceChecks {

    /** The key the application under test verifies tenant contexts with. */
    protected static final String TENANT_CONTEXT_KEY = "conformance-checks-tenant-context-key-0123456789";

    private static final TenantContext TENANT =
            new TenantContext("tenant_conformance", "key_conformance", Set.of("conformance:read"));

    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    private Environment environment;

    @DynamicPropertySource
    static void tenantContextKey(DynamicPropertyRegistry registry) {
        registry.add("touchpoint.tenant-context.key", () -> TENANT_CONTEXT_KEY);
    }

    /** {@code spring.application.name} of the service, e.g. {@code ticket-service}. */
    protected abstract String applicationName();

    /** The public path prefix the service owns, e.g. {@code /v1/tickets}. */
    protected abstract String apiPrefix();

    @Test
    void readinessIsUpAndCoversRabbitMqAndMongoDb() {
        HttpResponse<String> response = get("/actuator/health/readiness", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(response.body(), "$.status")).isEqualTo("UP");
        Map<String, Object> components = JsonPath.read(response.body(), "$.components");
        assertThat(components.keySet())
                .anySatisfy(name -> assertThat(name).containsIgnoringCase("rabbit"))
                .anySatisfy(name -> assertThat(name).containsIgnoringCase("mongo"));
    }

    @Test
    void livenessIsUp() {
        HttpResponse<String> response = get("/actuator/health/liveness", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(response.body(), "$.status")).isEqualTo("UP");
    }

    @Test
    void prometheusMetricsCarryTheApplicationTag() {
        HttpResponse<String> response = get("/actuator/prometheus", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("application=\"" + applicationName() + "\"");
    }

    @Test
    void requestWithoutTenantContextIsRefused() {
        assertUnauthenticatedProblem(get(apiPath(), Map.of()));
    }

    @Test
    void requestWithForgedTenantContextIsRefused() {
        TenantContextSigner otherKey = TenantContextSigner.fromSecret(
                "not-the-shared-key-but-just-as-long-0123456789", Duration.ofSeconds(30), Clock.systemUTC());

        assertUnauthenticatedProblem(get(apiPath(), Map.of(TenantContextSigner.HEADER, otherKey.sign(TENANT))));
    }

    @Test
    void requestWithExpiredTenantContextIsRefused() {
        TenantContextSigner tenMinutesAgo = TenantContextSigner.fromSecret(
                tenantContextKey(), Duration.ofSeconds(30), Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10)));

        assertUnauthenticatedProblem(get(apiPath(), Map.of(TenantContextSigner.HEADER, tenMinutesAgo.sign(TENANT))));
    }

    @Test
    void requestWithValidTenantContextPassesTheTenantFilter() {
        TenantContextSigner signer =
                TenantContextSigner.fromSecret(tenantContextKey(), Duration.ofSeconds(30), Clock.systemUTC());

        HttpResponse<String> response = get(apiPath(), Map.of(TenantContextSigner.HEADER, signer.sign(TENANT)));

        // Nothing is mapped at this path, so getting past the tenant filter means a 404 problem.
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(contentType(response)).startsWith("application/problem+json");
    }

    private void assertUnauthenticatedProblem(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(contentType(response)).startsWith("application/problem+json");
        assertThat(JsonPath.<Integer>read(response.body(), "$.status")).isEqualTo(401);
        assertThat(JsonPath.<String>read(response.body(), "$.code")).isNotBlank();
    }

    private String apiPath() {
        return apiPrefix() + "/conformance-check";
    }

    private String tenantContextKey() {
        return environment.getRequiredProperty("touchpoint.tenant-context.key");
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) {
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .GET();
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted during GET " + path, e);
        }
    }

    private static String contentType(HttpResponse<?> response) {
        Optional<String> contentType = response.headers().firstValue("Content-Type");
        return contentType.orElse("");
    }
}
