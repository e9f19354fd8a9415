package io.touchpoint.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.Headers;
import io.touchpoint.tenancy.TenantContext;
import io.touchpoint.tenancy.TenantContextSigner;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.filter.headers.GRPCRequestHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.GRPCResponseHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The gateway in front of real HTTP servers standing in for the services. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class GatewayIT {

    private static final String SHARED_KEY = "gateway-it-shared-key-0123456789abcdef";
    private static final String DEMO_KEY = "tp_demo_0123456789";
    private static final String ACME_KEY = "tp_acme_bootstrap_key";

    /** Profiles, channels and tickets all point here. */
    private static final RecordingDownstream services = RecordingDownstream.start();

    /** Feedback points here; one test stops it. */
    private static final RecordingDownstream feedback = RecordingDownstream.start();

    private final TenantContextSigner verifier =
            TenantContextSigner.fromSecret(SHARED_KEY, Duration.ofSeconds(30), Clock.systemUTC());

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    @Autowired
    private List<HttpHeadersFilter> headersFilters;

    private WebTestClient client;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add("PROFILE_SERVICE_URI", services::uri);
        registry.add("CHANNEL_SERVICE_URI", services::uri);
        registry.add("TICKET_SERVICE_URI", services::uri);
        registry.add("FEEDBACK_SERVICE_URI", feedback::uri);
        registry.add("touchpoint.tenant-context.key", () -> SHARED_KEY);
        registry.add("touchpoint.gateway.demo-key", () -> DEMO_KEY);
        registry.add("touchpoint.gateway.demo-tenant", () -> "demo-tenant");
        TestGateway.bootstrapKey(registry, 0, ACME_KEY, "acme", "key_acme", "tickets:read", "tickets:write");
    }

    @BeforeEach
    void setUp() {
        client = TestGateway.client(port);
        services.clear();
    }

    @AfterAll
    static void stopDownstreams() {
        services.close();
        feedback.close();
    }

    @Test
    void theActuatorAnswersOnTheManagementPortOnly() {
        WebTestClient management = TestGateway.client(managementPort);
        management
                .get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        management
                .get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components.mongo.status")
                .isEqualTo("UP");
        management
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist("RateLimit-Limit")
                .expectBody(String.class)
                .value(metrics -> assertThat(metrics).contains("http_server_requests_seconds"));

        for (String path : List.of("/actuator/prometheus", "/actuator/health", "/actuator/info", "/actuator")) {
            client.get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void thePublicPortShowsOnlyTheProbesStatus() {
        for (String probe : List.of("/livez", "/readyz")) {
            client.get()
                    .uri(probe)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .exists("RateLimit-Limit")
                    .expectBody()
                    .json("{\"status\":\"UP\"}", JsonCompareMode.STRICT);
        }
    }

    @Test
    void requestWithoutKeyIsRefusedEvenWithAForgedTenantHeader() {
        String forged = TenantContextSigner.fromSecret(
                        "an-attackers-guess-of-the-key-0123456789", Duration.ofSeconds(30), Clock.systemUTC())
                .sign(new TenantContext("victim", "key_x", Set.of("tickets:read")));

        client.get()
                .uri("/v1/tickets/tkt_1")
                .header(TenantContextSigner.HEADER, forged)
                .header("X-Tenant-Id", "victim")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals("WWW-Authenticate", "Bearer")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://touchpoint.dev/problems/unauthenticated")
                .jsonPath("$.code")
                .isEqualTo("unauthenticated")
                .jsonPath("$.status")
                .isEqualTo(401)
                .jsonPath("$.instance")
                .isEqualTo("/v1/tickets/tkt_1");

        assertThat(services.nothingReceived()).isTrue();
    }

    @Test
    void everyAnswerForbidsSniffingFramingAndStoringUnlessTheServiceSaysOtherwise() {
        HttpHeaders proxied = client.get()
                .uri("/v1/profiles/prf_1")
                .headers(headers -> headers.setBearerAuth(DEMO_KEY))
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders();
        HttpHeaders refused = client.get()
                .uri("/v1/profiles/prf_1")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .returnResult(String.class)
                .getResponseHeaders();
        for (HttpHeaders headers : List.of(proxied, refused)) {
            assertThat(headers.get("X-Content-Type-Options")).containsExactly("nosniff");
            assertThat(headers.get("Content-Security-Policy"))
                    .containsExactly("default-src 'none'; frame-ancestors 'none'");
            assertThat(headers.get(HttpHeaders.CACHE_CONTROL)).containsExactly("no-store");
        }

        client.get()
                .uri("/v1/profiles/prf_1")
                .headers(headers -> headers.setBearerAuth(DEMO_KEY))
                .header(RecordingDownstream.RESPOND_CACHE_CONTROL, "private, max-age=60")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, "private, max-age=60")
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff");
    }

    @Test
    void onlyHttp11IsServedSoNoGrpcHeaderFiltersRunOnEachRequest() {
        assertThat(headersFilters)
                .isNotEmpty()
                .noneMatch(filter ->
                        filter instanceof GRPCRequestHeadersFilter || filter instanceof GRPCResponseHeadersFilter);
    }

    @Test
    void unknownKeyIsRefused() {
        client.get()
                .uri("/v1/profiles/prf_1")
                .headers(headers -> headers.setBearerAuth("tp_not_a_key"))
                .exchange()
                .expectStatus()
                .isUnauthorized();

        assertThat(services.nothingReceived()).isTrue();
    }

    @Test
    void demoKeyReachesTheServiceWithOnlyTheGatewaySignedContext() {
        String forged = TenantContextSigner.fromSecret(SHARED_KEY, Duration.ofSeconds(30), Clock.systemUTC())
                .sign(new TenantContext("victim", "key_x", Set.of("tickets:read")));

        client.get()
                .uri("/v1/profiles/prf_1?expand=identities")
                .headers(headers -> headers.setBearerAuth(DEMO_KEY))
                .header(TenantContextSigner.HEADER, forged)
                .header("X-Tenant-Id", "victim")
                .header("X-Principal", "someone")
                .header("X-Scopes", "admin")
                .exchange()
                .expectStatus()
                .isOk();

        RecordingDownstream.Received received = services.next();
        assertThat(received.path()).isEqualTo("/v1/profiles/prf_1");
        assertThat(received.headers().get(TenantContextSigner.HEADER)).hasSize(1);
        TenantContext context = verifier.verify(received.headers().getFirst(TenantContextSigner.HEADER));
        assertThat(context.tenantId()).isEqualTo("demo-tenant");
        assertThat(context.principal()).isEqualTo("key_demo");
        assertThat(context.scopes()).contains("profiles:read", "tickets:write");
        assertThat(received.headers()).doesNotContainKeys("X-tenant-id", "X-principal", "X-scopes", "Authorization");
    }

    @Test
    void bootstrapKeyReachesTheServiceAsItsConfiguredTenant() {
        client.post()
                .uri("/v1/tickets")
                .headers(headers -> headers.setBearerAuth(ACME_KEY))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"subject\":\"hello\"}")
                .exchange()
                .expectStatus()
                .isOk();

        RecordingDownstream.Received received = services.next();
        assertThat(received.method()).isEqualTo("POST");
        TenantContext context = verifier.verify(received.headers().getFirst(TenantContextSigner.HEADER));
        assertThat(context).isEqualTo(new TenantContext("acme", "key_acme", Set.of("tickets:read", "tickets:write")));
    }

    @Test
    void webhooksAreForwardedWithoutTenantContext() {
        client.post()
                .uri("/webhooks/sms/abc")
                .header(TenantContextSigner.HEADER, "v1.forged.signature")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("From=%2B4912345&Body=hi")
                .exchange()
                .expectStatus()
                .isOk();

        RecordingDownstream.Received received = services.next();
        assertThat(received.path()).isEqualTo("/webhooks/sms/abc");
        assertThat(received.headers()).doesNotContainKey("Touchpoint-tenant-context");
    }

    /** channel-service rebuilds from these the URL a provider signed; what the client claims in them is dropped. */
    @Test
    void servicesLearnWhichUrlTheClientCalledAndFromWhere() {
        client.post()
                .uri("/webhooks/sms/abc")
                .header("X-Forwarded-Host", "attacker.example")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Port", "8443")
                .header("X-Forwarded-Prefix", "/elsewhere")
                .header("X-Forwarded-For", "203.0.113.9")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("From=%2B4912345&Body=hi")
                .exchange()
                .expectStatus()
                .isOk();

        Headers headers = services.next().headers();
        assertThat(headers.get("X-Forwarded-Host")).containsExactly("127.0.0.1:" + port);
        assertThat(headers.get("X-Forwarded-Proto")).containsExactly("http");
        assertThat(headers.get("X-Forwarded-For")).containsExactly("127.0.0.1");
        assertThat(headers.get("X-Forwarded-Port")).isNull();
        assertThat(headers.get("X-Forwarded-Prefix")).isNull();
    }

    @Test
    void aRouteThatShortensThePathTellsTheServiceWhatItRemoved() {
        client.get()
                .uri("/v1/public/chat/conversations/cnv_1/events?after=3")
                .exchange()
                .expectStatus()
                .isOk();

        RecordingDownstream.Received received = services.next();
        assertThat(received.path()).isEqualTo("/public/chat/conversations/cnv_1/events");
        assertThat(received.headers().get("X-Forwarded-Prefix")).containsExactly("/v1");
    }

    @Test
    void serviceHealthIsRewrittenToItsActuator() {
        client.get()
                .uri("/health/tickets")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");

        RecordingDownstream.Received received = services.next();
        assertThat(received.path()).isEqualTo("/actuator/health");
        assertThat(received.headers()).doesNotContainKey("Touchpoint-tenant-context");
    }

    @Test
    void requestIdIsGeneratedWhenAbsentAndForwarded() {
        String requestId = client.get()
                .uri("/health/channels")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst("X-Request-Id");

        assertThat(requestId).startsWith("req_");
        assertThat(services.next().headers().getFirst("X-Request-Id")).isEqualTo(requestId);
    }

    @Test
    void requestIdFromTheCallerIsKeptAndEchoedOnErrors() {
        client.get()
                .uri("/v1/nothing-here")
                .header("X-Request-Id", "caller-123")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals("X-Request-Id", "caller-123")
                .expectBody()
                .jsonPath("$.requestId")
                .isEqualTo("caller-123");
    }

    @Test
    void authenticatedRequestToAnUnknownPathIsA404Problem() {
        client.get()
                .uri("/v1/nothing-here")
                .headers(headers -> headers.setBearerAuth(DEMO_KEY))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("not_found");
    }

    @Test
    void stoppedServiceIsA503ProblemWithRetryAfter() {
        feedback.close();

        client.get()
                .uri("/v1/feedback/srv_1")
                .headers(headers -> headers.setBearerAuth(DEMO_KEY))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .exists("Retry-After")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("service_unavailable");
    }

    @Test
    void requestsTheServerCannotReadGetProblemsToo() throws IOException {
        assertUnreadable("GET /v1/tickets/%zz HTTP/1.1\r\nHost: gateway\r\n", 400, "bad_request");
        assertUnreadable(
                "GET /v1/tickets/" + "a".repeat(9_000) + " HTTP/1.1\r\nHost: gateway\r\n", 414, "uri_too_long");
        assertUnreadable(
                "GET /v1/tickets/tkt_1 HTTP/1.1\r\nHost: gateway\r\nX-Padding: " + "a".repeat(20_000) + "\r\n",
                431,
                "request_headers_too_large");
    }

    /** Sends a request no HTTP client library would write, and reads the answer until the server closes. */
    private void assertUnreadable(String requestHead, int status, String code) throws IOException {
        String answer;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write((requestHead + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(answer)
                .startsWith("HTTP/1.1 " + status)
                .containsIgnoringCase("content-type: application/problem+json")
                .containsIgnoringCase("x-content-type-options: nosniff");
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertThat(JsonPath.<Integer>read(body, "$.status")).isEqualTo(status);
        assertThat(JsonPath.<String>read(body, "$.code")).isEqualTo(code);
        assertThat(answer).containsIgnoringCase("content-length: " + body.getBytes(StandardCharsets.UTF_8).length);
    }
}
