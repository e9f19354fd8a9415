package io.touchpoint.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the gateway refuses, in front of the real services: no key, a key without the scope, a revoked key, a tenant
 * past its rate limit (another tenant keeps its own budget), and a service that is not running.
 */
class GatewayGuardsIT {

    private static final List<String> RATE_LIMIT_HEADERS =
            List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy");

    /**
     * A plan whose key may burst 5 requests, each costing a minute of refill (60 tokens, 1 token/s): its budget is
     * gone after 5 requests however long each takes (the free plan's key, 5 requests refilled at 3/s, is never
     * emptied by a client taking a third of a second per request), and a refused client is told to retry within a
     * minute.
     */
    private static final String METERED_PLAN = "system-tests-metered";

    private static final int METERED_REQUEST_COST = 60;

    private static Platform platform;

    @BeforeAll
    static void platform() {
        platform = Platform.get();
    }

    @Test
    void withoutAKeyACallIs401AndWithoutTheScopeItIs403AndChangesNothing() {
        PlatformClient reader = PlatformClient.newTenant(platform, "tickets:read");

        assertProblem(PlatformClient.anonymous(platform).get("/v1/tickets/teams"), 401);
        assertThat(reader.get("/v1/tickets/teams").statusCode()).isEqualTo(200);
        assertProblem(reader.post("/v1/tickets/teams", "{\"name\": \"Readers\"}"), 403);

        assertThat(reader.get("/v1/tickets/teams").body()).doesNotContain("Readers");
    }

    @Test
    void aRevokedKeyIsRefusedWithinSeconds() {
        PlatformClient tenant = PlatformClient.newTenant(platform, "tickets:read");
        assertThat(tenant.get("/v1/tickets/teams").statusCode()).isEqualTo(200);

        HttpResponse<String> revoked = PlatformClient.admin(platform)
                .delete("/v1/admin/tenants/" + tenant.tenantId() + "/api-keys/" + tenant.principal());
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(204);

        Awaitility.await("the revoked key refused")
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> tenant.get("/v1/tickets/teams").statusCode() == 401);
        assertProblem(tenant.get("/v1/tickets/teams"), 401);
    }

    @Test
    void everyAnswerCarriesTheRateLimitAndPastItA429SaysWhenToRetryWhileAnotherTenantIsServed() {
        HttpResponse<String> plan = PlatformClient.admin(platform)
                .put(
                        "/v1/admin/plans/" + METERED_PLAN,
                        """
                        {"replenishRate": 1, "burstCapacity": %d, "requestedTokens": %d,
                         "keyReplenishRate": 1, "keyBurstCapacity": %d}
                        """
                                .formatted(10 * METERED_REQUEST_COST, METERED_REQUEST_COST, 5 * METERED_REQUEST_COST));
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
        PlatformClient small = PlatformClient.newTenantOnPlan(platform, METERED_PLAN, "tickets:read");
        PlatformClient other = PlatformClient.newTenant(platform, "tickets:read");

        List<HttpResponse<String>> answers = new ArrayList<>();
        HttpResponse<String> last;
        do {
            last = small.get("/v1/tickets/teams");
            answers.add(last);
        } while (last.statusCode() == 200 && answers.size() < 50);

        assertThat(answers).hasSizeGreaterThan(5);
        assertThat(answers.subList(0, answers.size() - 1))
                .allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
        assertThat(answers).allSatisfy(GatewayGuardsIT::assertRateLimitHeaders);
        assertProblem(last, 429);
        // Less than a request's worth: what the key's bucket refilled while the test ran.
        assertThat(last.headers().firstValue("RateLimit-Remaining"))
                .hasValueSatisfying(
                        tokens -> assertThat(Integer.parseInt(tokens)).isLessThan(METERED_REQUEST_COST));
        assertThat(last.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));

        HttpResponse<String> served = other.get("/v1/tickets/teams");
        assertThat(served.statusCode()).isEqualTo(200);
        assertRateLimitHeaders(served);
        assertThat(Integer.parseInt(
                        served.headers().firstValue("RateLimit-Remaining").orElseThrow()))
                .isPositive();
        // Another tenant's 404 from the service carries the headers too.
        assertRateLimitHeaders(other.get("/v1/tickets/tkt_missing"));
    }

    @Test
    void aServiceThatIsNotRunningGives503WithRetryAfterWithinTheRouteTimeout() {
        PlatformClient tenant = PlatformClient.newTenant(platform, "profiles:read", "profiles:write");

        long started = System.nanoTime();
        HttpResponse<String> read = tenant.get("/v1/profiles/prf_1");
        HttpResponse<String> write = tenant.post("/v1/profiles", "{\"displayName\": \"Ada\"}");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        for (HttpResponse<String> answer : List.of(read, write)) {
            assertProblem(answer, 503);
            assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        }
        // The route timeout is 10 s; a refused connection is known at once (the read is retried twice, backing off).
        assertThat(took).isLessThan(Duration.ofSeconds(10));
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    private static void assertRateLimitHeaders(HttpResponse<String> response) {
        assertThat(RATE_LIMIT_HEADERS)
                .allSatisfy(header -> assertThat(response.headers().firstValue(header))
                        .as(header + " on a " + response.statusCode())
                        .isPresent());
    }
}
