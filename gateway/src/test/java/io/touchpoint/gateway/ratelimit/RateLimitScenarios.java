package io.touchpoint.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.touchpoint.gateway.TestGateway;
import io.touchpoint.gateway.auth.ApiKeySecrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What rate limiting promises, through the whole gateway filter chain with bootstrap keys, whatever the backend.
 * Buckets refill at 1 token/s, so assertions count requests until the first refusal rather than expecting it at an
 * exact request, and never measure time.
 */
abstract class RateLimitScenarios {

    static final String SHARED_KEY = "rate-limit-it-shared-key-0123456789abcdef";

    /** Tenant burst 6, each key burst 4, both refilling at 1/s; per IP burst 5 without a caller. */
    static final int TENANT_BURST = 6;

    static final int KEY_BURST = 4;

    /**
     * What a request costs on the plan of {@code tp_replica}, whose buckets hold as many requests as the others' and
     * refill at the same 1 token/s: a refill of a thousandth of a request per second, however slowly a test runs.
     */
    static final int METERED_REQUEST_COST = 1_000;

    /** Key name to tenant; every key is a bootstrap key whose secret is its name. */
    private static final Map<String, String> KEYS = Map.of(
            "tp_headers", "t-headers",
            "tp_burst_a1", "t-burst-a",
            "tp_burst_a2", "t-burst-a",
            "tp_burst_b", "t-burst-b",
            "tp_keys_1", "t-keys",
            "tp_keys_2", "t-keys",
            "tp_plan", "t-plan",
            "tp_replica", "t-replica",
            "tp_admin", "t-admin",
            "tp_failures", "t-failures");

    private static final Pattern PLAN_IN_POLICY = Pattern.compile("comment=\"([a-z0-9_-]+) tenant\"");

    /** Shared by every subclass in the test JVM, so never stopped before the JVM ends. */
    static final HttpServer downstream = startDownstream();

    @LocalServerPort
    int port;

    WebTestClient client;

    static void rateLimitProperties(DynamicPropertyRegistry registry) {
        String uri = "http://127.0.0.1:" + downstream.getAddress().getPort();
        for (String service : new String[] {"PROFILE", "CHANNEL", "TICKET", "FEEDBACK"}) {
            registry.add(service + "_SERVICE_URI", () -> uri);
        }
        registry.add("touchpoint.tenant-context.key", () -> SHARED_KEY);
        int i = 0;
        for (Map.Entry<String, String> key : KEYS.entrySet()) {
            String prefix = "touchpoint.gateway.bootstrap-keys[" + i++ + "].";
            registry.add(prefix + "key-sha256", () -> ApiKeySecrets.hash(key.getKey()));
            registry.add(prefix + "tenant", key::getValue);
            registry.add(prefix + "principal", () -> "key_" + key.getKey());
            registry.add(
                    prefix + "scopes", () -> key.getKey().equals("tp_admin") ? "admin" : "tickets:read,tickets:write");
            registry.add(prefix + "plan", () -> switch (key.getKey()) {
                case "tp_replica" -> "metered";
                case "tp_admin" -> "operations";
                default -> "standard";
            });
        }
        registry.add("touchpoint.gateway.rate-limits.default-plan", () -> "standard");
        for (String plan : new String[] {"free", "standard", "enterprise"}) {
            String prefix = "touchpoint.gateway.rate-limits.plans." + plan + ".";
            registry.add(prefix + "replenish-rate", () -> 1);
            registry.add(prefix + "burst-capacity", () -> TENANT_BURST);
            registry.add(prefix + "key-replenish-rate", () -> 1);
            registry.add(prefix + "key-burst-capacity", () -> KEY_BURST);
        }
        String metered = "touchpoint.gateway.rate-limits.plans.metered.";
        registry.add(metered + "replenish-rate", () -> 1);
        registry.add(metered + "burst-capacity", () -> TENANT_BURST * METERED_REQUEST_COST);
        registry.add(metered + "requested-tokens", () -> METERED_REQUEST_COST);
        registry.add(metered + "key-replenish-rate", () -> 1);
        registry.add(metered + "key-burst-capacity", () -> KEY_BURST * METERED_REQUEST_COST);
        // The admin key's calls (plan reads and changes) are not what these tests limit.
        registry.add("touchpoint.gateway.rate-limits.plans.operations.replenish-rate", () -> 100);
        registry.add("touchpoint.gateway.rate-limits.plans.operations.burst-capacity", () -> 100);
        registry.add("touchpoint.gateway.rate-limits.public-policy.replenish-rate", () -> 1);
        registry.add("touchpoint.gateway.rate-limits.public-policy.burst-capacity", () -> 5);
        registry.add("touchpoint.gateway.rate-limits.webhook-policy.replenish-rate", () -> "1");
        registry.add("touchpoint.gateway.rate-limits.webhook-policy.burst-capacity", () -> "5");
        registry.add("touchpoint.gateway.rate-limits.failed-authentication-policy.replenish-rate", () -> "1");
        registry.add("touchpoint.gateway.rate-limits.failed-authentication-policy.burst-capacity", () -> "3");
        TestGateway.trustForwardedAddresses(registry);
    }

    @BeforeEach
    void setUpClient() {
        client = TestGateway.client(port);
    }

    @Test
    void everyResponseCarriesTheRateLimitHeaders() {
        HttpHeaders forwarded = get("/v1/tickets/tkt_1", "tp_headers").getResponseHeaders();
        assertThat(forwarded.getFirst("RateLimit-Limit")).isEqualTo(Integer.toString(KEY_BURST));
        assertThat(forwarded.getFirst("RateLimit-Remaining")).isEqualTo(Integer.toString(KEY_BURST - 1));
        assertThat(Long.parseLong(forwarded.getFirst("RateLimit-Reset"))).isBetween(1L, 2L);
        assertThat(forwarded.getFirst("RateLimit-Policy"))
                .contains("1;w=1;burst=6;comment=\"standard tenant\"", "1;w=1;burst=4;comment=\"standard key\"");

        EntityExchangeResult<byte[]> notFound = client.get()
                .uri("/v1/nothing-here")
                .headers(headers -> headers.setBearerAuth("tp_headers"))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .returnResult();
        assertThat(notFound.getResponseHeaders().getFirst("RateLimit-Remaining"))
                .isNotNull();
        assertThat(notFound.getResponseHeaders().getFirst("RateLimit-Policy")).contains("standard key");

        // 200, or 429 when another test has just used up this client IP's budget: headers either way.
        HttpHeaders publicPath = client.get()
                .uri("/health/tickets")
                .exchange()
                .expectBody()
                .returnResult()
                .getResponseHeaders();
        assertThat(publicPath.getFirst("RateLimit-Limit")).isEqualTo("5");
        assertThat(publicPath.getFirst("RateLimit-Policy")).isEqualTo("1;w=1;burst=5;comment=\"public per IP\"");
    }

    @Test
    void burstPastTheTenantLimitIsRefusedWhileAnotherTenantIsServed() {
        EntityExchangeResult<byte[]> refused = null;
        for (int i = 0; i < 30 && refused == null; i++) {
            EntityExchangeResult<byte[]> result = get("/v1/tickets/tkt_1", i % 2 == 0 ? "tp_burst_a1" : "tp_burst_a2");
            if (result.getStatus().value() == 429) {
                refused = result;
            }
        }

        assertThat(refused).as("tenant A refused within 30 requests").isNotNull();
        HttpHeaders headers = refused.getResponseHeaders();
        assertThat(headers.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Long.parseLong(headers.getFirst(HttpHeaders.RETRY_AFTER))).isGreaterThanOrEqualTo(1);
        // Two keys, each under its own limit: the tenant's bucket is the one that refused.
        assertThat(headers.getFirst("RateLimit-Limit")).isEqualTo(Integer.toString(TENANT_BURST));
        assertThat(headers.getFirst("RateLimit-Remaining")).isEqualTo("0");
        String body = new String(refused.getResponseBodyContent(), StandardCharsets.UTF_8);
        assertThat(body)
                .contains("\"type\":\"https://touchpoint.dev/problems/rate-limited\"")
                .contains("\"code\":\"rate_limited\"")
                .contains("\"status\":429")
                .contains("\"requestId\":\"req_");

        for (int i = 0; i < 3; i++) {
            EntityExchangeResult<byte[]> other = get("/v1/tickets/tkt_1", "tp_burst_b");
            assertThat(other.getStatus()).isEqualTo(HttpStatus.OK);
            assertThat(Long.parseLong(other.getResponseHeaders().getFirst("RateLimit-Remaining")))
                    .isGreaterThanOrEqualTo(KEY_BURST - 1 - i);
        }
    }

    @Test
    void keyPastItsOwnLimitIsRefusedWhileAnotherKeyOfTheSameTenantIsServed() {
        EntityExchangeResult<byte[]> refused = null;
        for (int i = 0; i < 30 && refused == null; i++) {
            EntityExchangeResult<byte[]> result = get("/v1/tickets/tkt_1", "tp_keys_1");
            if (result.getStatus().value() == 429) {
                refused = result;
            }
        }

        assertThat(refused).as("key refused within 30 requests").isNotNull();
        assertThat(refused.getResponseHeaders().getFirst("RateLimit-Limit")).isEqualTo(Integer.toString(KEY_BURST));
        // The refused key did not drain its tenant: the tenant's other key still has its budget.
        EntityExchangeResult<byte[]> sibling = get("/v1/tickets/tkt_1", "tp_keys_2");
        assertThat(sibling.getStatus()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void requestsWithoutACallerAreLimitedPerClientIp() {
        EntityExchangeResult<byte[]> refused = null;
        for (int i = 0; i < 40 && refused == null; i++) {
            EntityExchangeResult<byte[]> result =
                    client.get().uri("/health/tickets").exchange().expectBody().returnResult();
            if (result.getStatus().value() == 429) {
                refused = result;
            }
        }

        assertThat(refused).as("client IP refused within 40 requests").isNotNull();
        assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                .isNotNull();
        assertThat(refused.getResponseHeaders().getFirst("RateLimit-Policy")).contains("public per IP");
    }

    @Test
    void webhooksAreLimitedPerConnectionNotPerClientIp() {
        EntityExchangeResult<byte[]> refused = null;
        for (int i = 0; i < 40 && refused == null; i++) {
            EntityExchangeResult<byte[]> result = webhook("/webhooks/sms/con_flooded");
            if (result.getStatus().value() == 429) {
                refused = result;
            }
        }

        assertThat(refused).as("connection refused within 40 webhooks").isNotNull();
        assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                .isNotNull();
        assertThat(refused.getResponseHeaders().getFirst("RateLimit-Policy")).contains("webhook per connection");
        // Same client address, another connection: its own budget.
        assertThat(webhook("/webhooks/sms/con_quiet").getStatus()).isEqualTo(HttpStatus.OK);
    }

    private EntityExchangeResult<byte[]> webhook(String path) {
        return client.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("Body=hi")
                .exchange()
                .expectBody()
                .returnResult();
    }

    @Test
    void planChangedThroughTheAdminApiAppliesWithoutRestartAndResetGoesBackToTheConfiguredLimits() {
        String plan = planOf(get("/v1/tickets/tkt_1", "tp_plan"));
        assertConfiguredLimits(plan);

        try {
            putPlan(plan, 40, 30);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                HttpHeaders headers = get("/v1/tickets/tkt_1", "tp_plan").getResponseHeaders();
                assertThat(headers.getFirst("RateLimit-Limit")).isEqualTo("30");
                assertThat(headers.getFirst("RateLimit-Policy")).contains("1;w=1;burst=40;comment=\"" + plan);
            });
        } finally {
            admin().delete()
                    .uri("/v1/admin/plans/{plan}", plan)
                    .exchange()
                    .expectStatus()
                    .isNoContent();
        }

        assertConfiguredLimits(plan);
        assertThat(get("/v1/tickets/tkt_1", "tp_plan").getResponseHeaders().getFirst("RateLimit-Limit"))
                .isEqualTo(Integer.toString(KEY_BURST));
    }

    private void assertConfiguredLimits(String plan) {
        admin().get()
                .uri("/v1/admin/plans/{plan}", plan)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.burstCapacity")
                .isEqualTo(TENANT_BURST)
                .jsonPath("$.keyBurstCapacity")
                .isEqualTo(KEY_BURST)
                .jsonPath("$.overridden")
                .isEqualTo(false);
    }

    @Test
    void invalidPlanIsABadRequestProblem() {
        admin().put()
                .uri("/v1/admin/plans/standard")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("replenishRate", 0, "burstCapacity", 10))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private void putPlan(String plan, long tenantBurst, long keyBurst) {
        admin().put()
                .uri("/v1/admin/plans/{plan}", plan)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "replenishRate",
                        1,
                        "burstCapacity",
                        tenantBurst,
                        "keyReplenishRate",
                        1,
                        "keyBurstCapacity",
                        keyBurst))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.burstCapacity")
                .isEqualTo(tenantBurst)
                .jsonPath("$.overridden")
                .isEqualTo(true);
    }

    private WebTestClient admin() {
        return client.mutate()
                .defaultHeaders(headers -> headers.setBearerAuth("tp_admin"))
                .build();
    }

    @Test
    void anAddressPresentingRejectedKeysGetsNoMoreLookupsWhileOtherAddressesAreServed() {
        String attacker = "203.0.113.7";
        EntityExchangeResult<byte[]> refused = null;
        int rejected = 0;
        for (int i = 0; i < 30 && refused == null; i++) {
            EntityExchangeResult<byte[]> result = TestGateway.ticketFrom(client, attacker, ApiKeySecrets.newSecret());
            if (result.getStatus().value() == 429) {
                refused = result;
            } else {
                assertThat(result.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
                rejected++;
            }
        }

        assertThat(refused).as("address refused within 30 random keys").isNotNull();
        assertThat(rejected).isGreaterThanOrEqualTo(3);
        HttpHeaders headers = refused.getResponseHeaders();
        assertThat(headers.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Long.parseLong(headers.getFirst(HttpHeaders.RETRY_AFTER))).isGreaterThanOrEqualTo(1);
        assertThat(headers.getFirst("RateLimit-Policy"))
                .isEqualTo("1;w=1;burst=3;comment=\"failed authentications per IP\"");
        assertThat(new String(refused.getResponseBodyContent(), StandardCharsets.UTF_8))
                .contains("\"code\":\"too_many_failed_authentications\"");
        // The client's own X-Forwarded-For entries, to the left of what the load balancer appended, change nothing.
        assertThat(TestGateway.ticketFrom(client, "198.51.100.99, " + attacker, ApiKeySecrets.newSecret())
                        .getStatus())
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        // A key the gateway holds needs no lookup: served from that address all the same.
        assertThat(TestGateway.ticketFrom(client, attacker, "tp_failures").getStatus())
                .isEqualTo(HttpStatus.OK);

        String neighbour = "203.0.113.8";
        assertThat(TestGateway.ticketFrom(client, neighbour, "tp_failures").getStatus())
                .isEqualTo(HttpStatus.OK);
        assertThat(TestGateway.ticketFrom(client, neighbour, ApiKeySecrets.newSecret())
                        .getStatus())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    EntityExchangeResult<byte[]> get(String path, String key) {
        return client.get()
                .uri(path)
                .headers(headers -> headers.setBearerAuth(key))
                .exchange()
                .expectBody()
                .returnResult();
    }

    private static String planOf(EntityExchangeResult<byte[]> result) {
        String policy = result.getResponseHeaders().getFirst("RateLimit-Policy");
        assertThat(policy).isNotNull();
        Matcher matcher = PLAN_IN_POLICY.matcher(policy);
        assertThat(matcher.find()).as("plan named in %s", policy).isTrue();
        return matcher.group(1);
    }

    private static HttpServer startDownstream() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
