package io.touchpoint.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import io.touchpoint.gateway.auth.ApiKeySecrets;
import io.touchpoint.tenancy.TenantContext;
import io.touchpoint.tenancy.TenantContextSigner;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import io.touchpoint.test.infrastructure.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Tenants and keys made through the admin API, then used against the gateway in front of a real downstream. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class ApiKeyAuthenticationIT {

    private static final String SHARED_KEY = "api-key-it-shared-key-0123456789abcdef";
    private static final String ADMIN_KEY = "tp_admin_api_key_it_0123456789";

    private static final RecordingDownstream services = RecordingDownstream.start();

    private final TenantContextSigner verifier =
            TenantContextSigner.fromSecret(SHARED_KEY, Duration.ofSeconds(30), Clock.systemUTC());

    @LocalServerPort
    private int port;

    @Autowired
    private TestDatabase database;

    private WebTestClient client;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        for (String service : List.of("PROFILE", "CHANNEL", "TICKET", "FEEDBACK")) {
            registry.add(service + "_SERVICE_URI", services::uri);
        }
        registry.add("touchpoint.tenant-context.key", () -> SHARED_KEY);
        registry.add("touchpoint.gateway.admin-key", () -> ADMIN_KEY);
        registry.add("touchpoint.gateway.rate-limits.enabled", () -> false);
        registry.add("touchpoint.gateway.rate-limits.failed-authentication-policy.replenish-rate", () -> "1");
        registry.add("touchpoint.gateway.rate-limits.failed-authentication-policy.burst-capacity", () -> "3");
        TestGateway.trustForwardedAddresses(registry);
    }

    @BeforeEach
    void setUp() {
        client = TestGateway.client(port);
        services.clear();
    }

    @AfterAll
    static void stopDownstream() {
        services.close();
    }

    @Test
    void keyOfATenantReachesTheServiceAsThatTenantOnlyWhateverHeadersTheClientForges() {
        String tenantA = createTenant(null, "Tenant A");
        String tenantB = createTenant(null, "Tenant B");
        String keyOfA = createKey(tenantA, List.of("profiles:read", "tickets:write"))
                .get("secret")
                .toString();
        String forged = verifier.sign(new TenantContext(tenantB, "key_x", Set.of("profiles:read")));

        client.get()
                .uri("/v1/profiles/prf_1")
                .headers(headers -> headers.setBearerAuth(keyOfA))
                .header(TenantContextSigner.HEADER, forged)
                .header("X-Tenant-Id", tenantB)
                .exchange()
                .expectStatus()
                .isOk();

        RecordingDownstream.Received received = services.next();
        assertThat(received.headers().get(TenantContextSigner.HEADER)).hasSize(1);
        TenantContext context = verifier.verify(received.headers().getFirst(TenantContextSigner.HEADER));
        assertThat(context.tenantId()).isEqualTo(tenantA);
        assertThat(context.scopes()).containsExactlyInAnyOrder("profiles:read", "tickets:write");
        assertThat(received.headers()).doesNotContainKeys("X-tenant-id", "Authorization");
    }

    @Test
    void requestWithoutKeyIsUnauthorizedAndWithoutTheScopeForbidden() {
        String tenant = createTenant(null, "Scoped");
        String reader =
                createKey(tenant, List.of("profiles:read")).get("secret").toString();

        client.get().uri("/v1/profiles/prf_1").exchange().expectStatus().isUnauthorized();
        client.post()
                .uri("/v1/profiles")
                .headers(headers -> headers.setBearerAuth(reader))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("insufficient_scope")
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).contains("profiles:write"));
        client.get()
                .uri("/v1/tickets/tkt_1")
                .headers(headers -> headers.setBearerAuth(reader))
                .exchange()
                .expectStatus()
                .isForbidden();

        assertThat(services.nothingReceived()).isTrue();
    }

    @Test
    void revokedKeyIsRefusedOnEveryReplicaWithinSeconds() {
        String tenant = createTenant(null, "Revoked");
        Map<?, ?> key = createKey(tenant, List.of("tickets:read"));
        String secret = key.get("secret").toString();
        try (ConfigurableApplicationContext replica = secondReplica()) {
            WebTestClient other = TestGateway.client(
                    ((WebServerApplicationContext) replica).getWebServer().getPort());
            getTicket(other, secret).expectStatus().isOk();
            getTicket(client, secret).expectStatus().isOk();

            adminClient()
                    .delete()
                    .uri("/v1/admin/tenants/{tenant}/api-keys/{key}", tenant, key.get("id"))
                    .exchange()
                    .expectStatus()
                    .isNoContent();

            getTicket(client, secret).expectStatus().isUnauthorized();
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> getTicket(other, secret).expectStatus().isUnauthorized());
        }
    }

    @Test
    void rotatedKeyReplacesTheOldOne() {
        String tenant = createTenant(null, "Rotated");
        Map<?, ?> old = createKey(tenant, List.of("tickets:read"));

        Map<?, ?> rotated = adminClient()
                .post()
                .uri("/v1/admin/tenants/{tenant}/api-keys/{key}/rotate", tenant, old.get("id"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();

        assertThat(rotated.get("id")).isNotEqualTo(old.get("id"));
        assertThat(rotated.get("scopes")).isEqualTo(List.of("tickets:read"));
        getTicket(client, rotated.get("secret").toString()).expectStatus().isOk();
        getTicket(client, old.get("secret").toString()).expectStatus().isUnauthorized();
    }

    @Test
    void expiredKeyIsRefused() {
        String tenant = createTenant(null, "Expiring");
        Map<?, ?> key = adminClient()
                .post()
                .uri("/v1/admin/tenants/{tenant}/api-keys", tenant)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "name", "short-lived",
                        "scopes", List.of("tickets:read"),
                        // Long enough for the creation and the first (uncached) lookup on a slow machine.
                        "expiresAt", Instant.now().plusSeconds(4).toString()))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        String secret = key.get("secret").toString();

        getTicket(client, secret).expectStatus().isOk();
        await().atMost(Duration.ofSeconds(12))
                .untilAsserted(() -> getTicket(client, secret).expectStatus().isUnauthorized());
    }

    @Test
    void suspendedTenantsKeysAreRefused() {
        String tenant = createTenant(null, "Suspended");
        String secret = createKey(tenant, List.of("tickets:read")).get("secret").toString();
        getTicket(client, secret).expectStatus().isOk();

        adminClient()
                .patch()
                .uri("/v1/admin/tenants/{tenant}", tenant)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "suspended"))
                .exchange()
                .expectStatus()
                .isOk();

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> getTicket(client, secret).expectStatus().isUnauthorized());
    }

    @Test
    void secretIsShownOnceAndStoredOnlyAsItsHash(MongoDatabase mongo) {
        String tenant = createTenant(null, "Hashed");
        Map<?, ?> key = createKey(tenant, List.of("tickets:read"));
        String secret = key.get("secret").toString();
        assertThat(secret).startsWith("tp_live_");
        assertThat(key.get("prefix").toString()).startsWith(secret.substring(0, 12));

        String list = adminClient()
                .get()
                .uri("/v1/admin/tenants/{tenant}/api-keys", tenant)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(list)
                .contains(key.get("id").toString())
                .doesNotContain(secret)
                .doesNotContain("secretHash");

        Document stored = mongo.getCollection("api_keys")
                .find(new Document("_id", key.get("id")))
                .first();
        assertThat(stored.toJson()).doesNotContain(secret);
        assertThat(stored.getString("secretHash")).hasSize(64);
    }

    @Test
    void adminApiRefusesCallersWithoutTheAdminScope() {
        String tenant = createTenant(null, "Not admin");
        String everything = createKey(tenant, List.copyOf(io.touchpoint.gateway.auth.Scopes.ALL))
                .get("secret")
                .toString();

        client.get().uri("/v1/admin/tenants").exchange().expectStatus().isUnauthorized();
        for (String path : List.of("/v1/admin/tenants", "/v1/admin/tenants/" + tenant, "/v1/admin/plans/standard")) {
            client.get()
                    .uri(path)
                    .headers(headers -> headers.setBearerAuth(everything))
                    .exchange()
                    .expectStatus()
                    .isForbidden();
        }
        assertThat(services.nothingReceived()).isTrue();
    }

    @Test
    void adminPathsAreServedByTheGatewayAndPublicPathsNeedNoKey() {
        adminClient()
                .get()
                .uri("/v1/admin/nothing-here")
                .exchange()
                .expectStatus()
                .isNotFound();
        client.get()
                .uri("/v1/public/surveys/answers/tok_1")
                .exchange()
                .expectStatus()
                .isNotFound();

        assertThat(services.nothingReceived()).isTrue();
    }

    @Test
    void useOfAKeyIsRecordedOutsideTheRequest() {
        String tenant = createTenant(null, "Used");
        Map<?, ?> key = createKey(tenant, List.of("tickets:read"));
        assertThat(key.get("lastUsedAt")).isNull();

        getTicket(client, key.get("secret").toString()).expectStatus().isOk();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> adminClient()
                .get()
                .uri("/v1/admin/tenants/{tenant}/api-keys/{key}", tenant, key.get("id"))
                .exchange()
                .expectBody()
                .jsonPath("$.lastUsedAt")
                .isNotEmpty());
    }

    @Test
    void tenantsAreListedPageByPage() {
        createTenant("page-1", "One");
        createTenant("page-2", "Two");

        Map<?, ?> first = adminClient()
                .get()
                .uri("/v1/admin/tenants?limit=1")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat((List<?>) first.get("data")).hasSize(1);
        assertThat(first.get("next")).isNotNull();

        adminClient()
                .get()
                .uri("/v1/admin/tenants?limit=1&after={after}", first.get("next"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.data.length()")
                .isEqualTo(1);
    }

    @Test
    void tenantChangesHonourIfMatch() {
        String tenant = createTenant("etag-tenant", "Versioned");

        adminClient()
                .patch()
                .uri("/v1/admin/tenants/{tenant}", tenant)
                .header("If-Match", "\"7\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("plan", "enterprise"))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.PRECONDITION_FAILED);
        adminClient()
                .patch()
                .uri("/v1/admin/tenants/{tenant}", tenant)
                .header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("plan", "enterprise"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("ETag", "\"2\"")
                .expectBody()
                .jsonPath("$.plan")
                .isEqualTo("enterprise");
    }

    @Test
    void invalidAdminRequestsAreProblemsNamingTheField() {
        adminClient()
                .post()
                .uri("/v1/admin/tenants")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"x\",\"colour\":\"red\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("colour");

        String tenant = createTenant(null, "Validated");
        adminClient()
                .post()
                .uri("/v1/admin/tenants/{tenant}/api-keys", tenant)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "k", "scopes", List.of("tickets:read", "root")))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("invalid_request")
                .jsonPath("$.errors[0].field")
                .isEqualTo("scopes[1]")
                .jsonPath("$.errors[0].message")
                .value(message -> assertThat(message.toString()).contains("tickets:write"));

        adminClient()
                .get()
                .uri("/v1/admin/tenants/{tenant}/api-keys/key_unknown", tenant)
                .exchange()
                .expectStatus()
                .isNotFound();
        adminClient()
                .get()
                .uri("/v1/admin/tenants/nobody")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void keyOfOneTenantIsNotFoundUnderAnother() {
        String tenantA = createTenant(null, "Owner");
        String tenantB = createTenant(null, "Other");
        Object keyOfA = createKey(tenantA, List.of("tickets:read")).get("id");

        adminClient()
                .delete()
                .uri("/v1/admin/tenants/{tenant}/api-keys/{key}", tenantB, keyOfA)
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void corsFollowsTheTenantsAllowedOrigins() {
        String tenant = adminClient()
                .post()
                .uri("/v1/admin/tenants")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Frontend", "allowedOrigins", List.of("https://app.example.com")))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .toString();
        String other = createTenant(null, "No frontend");
        String key = createKey(tenant, List.of("tickets:read")).get("secret").toString();
        String otherKey =
                createKey(other, List.of("tickets:read")).get("secret").toString();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> client.options()
                .uri("/v1/tickets")
                .header("Origin", "https://app.example.com")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .exchange()
                .expectStatus()
                .isNoContent()
                .expectHeader()
                .valueEquals("Access-Control-Allow-Origin", "https://app.example.com"));
        client.options()
                .uri("/v1/tickets")
                .header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "GET")
                .exchange()
                .expectStatus()
                .isForbidden();

        getTicket(client, key, "https://app.example.com")
                .expectHeader()
                .valueEquals("Access-Control-Allow-Origin", "https://app.example.com");
        getTicket(client, otherKey, "https://app.example.com")
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist("Access-Control-Allow-Origin");
    }

    /**
     * A second gateway in this JVM. It has Reactor Netty resources of its own: with the global ones, closing it would
     * dispose the event loops every other gateway context in this JVM is using (an exchange then hung for 10 s in CI).
     */
    private ConfigurableApplicationContext secondReplica() {
        return new SpringApplicationBuilder(GatewayApplication.class)
                .initializers(context -> ((GenericApplicationContext) context)
                        .registerBean(ReactorResourceFactory.class, () -> {
                            ReactorResourceFactory ownResources = new ReactorResourceFactory();
                            ownResources.setUseGlobalResources(false);
                            return ownResources;
                        }))
                .run(
                        "--server.port=0",
                        "--management.server.port=0",
                        "--spring.mongodb.uri=" + database.uri(),
                        "--spring.mongodb.database=" + database.name(),
                        "--TICKET_SERVICE_URI=" + services.uri(),
                        "--touchpoint.tenant-context.key=" + SHARED_KEY,
                        "--touchpoint.gateway.rate-limits.enabled=false");
    }

    private WebTestClient.ResponseSpec getTicket(WebTestClient gateway, String key) {
        return gateway.get()
                .uri("/v1/tickets/tkt_1")
                .headers(headers -> headers.setBearerAuth(key))
                .exchange();
    }

    private WebTestClient.ResponseSpec getTicket(WebTestClient gateway, String key, String origin) {
        return gateway.get()
                .uri("/v1/tickets/tkt_1")
                .header("Origin", origin)
                .headers(headers -> headers.setBearerAuth(key))
                .exchange();
    }

    @Test
    void anAddressThatSpentItsBudgetOfRejectedKeysKeepsItsKnownKeysButGetsNoNewLookups() {
        String tenant = createTenant(null, "Budget");
        String known = createKey(tenant, List.of("tickets:read")).get("secret").toString();
        // The budget refills (1 a second here) while the test runs, and on a slow machine the refill can pay for the
        // new key's lookup before it arrives: then again, from a fresh address with a fresh key.
        HttpStatusCode newKeyStatus = null;
        String notYetUsed = null;
        String address = null;
        for (int attempt = 0; attempt < 3 && !HttpStatus.TOO_MANY_REQUESTS.equals(newKeyStatus); attempt++) {
            address = "198.51.100." + (9 + attempt);
            notYetUsed =
                    createKey(tenant, List.of("tickets:read")).get("secret").toString();
            spendTheBudgetOfRejectedKeys(address, known);
            // A valid key this gateway has not looked up yet waits too from that address.
            newKeyStatus = TestGateway.ticketFrom(client, address, notYetUsed).getStatus();
        }

        assertThat(newKeyStatus).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(TestGateway.ticketFrom(client, address, known).getStatus())
                .as("a known key from the address that spent its budget")
                .isEqualTo(HttpStatus.OK);
        assertThat(TestGateway.ticketFrom(client, "198.51.100.100", notYetUsed).getStatus())
                .as("the same key from another address")
                .isEqualTo(HttpStatus.OK);
    }

    /** Sends random keys from {@code address} until one is refused 429, while a known key is served throughout. */
    private void spendTheBudgetOfRejectedKeys(String address, String known) {
        assertThat(TestGateway.ticketFrom(client, address, known).getStatus()).isEqualTo(HttpStatus.OK);
        EntityExchangeResult<byte[]> refused = null;
        int rejected = 0;
        for (int i = 0; i < 30 && refused == null; i++) {
            EntityExchangeResult<byte[]> random = TestGateway.ticketFrom(client, address, ApiKeySecrets.newSecret());
            if (random.getStatus() == HttpStatus.TOO_MANY_REQUESTS) {
                refused = random;
            } else {
                assertThat(random.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
                rejected++;
                // Known (cached) keys need no lookup: served throughout.
                assertThat(TestGateway.ticketFrom(client, address, known).getStatus())
                        .isEqualTo(HttpStatus.OK);
            }
        }
        assertThat(refused).as("random keys refused within 30").isNotNull();
        assertThat(rejected).isGreaterThanOrEqualTo(3);
        assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getResponseHeaders().getFirst("Retry-After")).isNotNull();
    }

    private String createTenant(String id, String name) {
        Map<String, Object> body = id == null ? Map.of("name", name) : Map.of("id", id, "name", name);
        return adminClient()
                .post()
                .uri("/v1/admin/tenants")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .exists("Location")
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .toString();
    }

    private Map<?, ?> createKey(String tenant, List<String> scopes) {
        return adminClient()
                .post()
                .uri("/v1/admin/tenants/{tenant}/api-keys", tenant)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "test key", "scopes", scopes))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    private WebTestClient adminClient() {
        return client.mutate()
                .defaultHeaders(headers -> headers.setBearerAuth(ADMIN_KEY))
                .build();
    }
}
