package io.touchpoint.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.touchpoint.gateway.TestGateway;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The gateway in front of an unreachable, a stopped, a slow and a failing service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class ResilienceIT {

    private static final String KEY = "tp_resilience_it_key";
    private static final Duration ROUTE_TIMEOUT = Duration.ofMillis(1_000);
    /** A GET's three attempts to connect, and the backoffs between them, fit in the route timeout. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(100);

    /** Tickets and channels point here. */
    private static final ScriptedDownstream services = ScriptedDownstream.start();

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    @Autowired
    private ReactiveResilience4JCircuitBreakerFactory breakers;

    private WebTestClient client;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add("TICKET_SERVICE_URI", services::uri);
        registry.add("CHANNEL_SERVICE_URI", services::uri);
        registry.add("FEEDBACK_SERVICE_URI", ScriptedDownstream::unansweredServiceUri);
        registry.add("PROFILE_SERVICE_URI", ScriptedDownstream::stoppedServiceUri);
        registry.add("GATEWAY_RESPONSE_TIMEOUT_MS", () -> ROUTE_TIMEOUT.toMillis());
        registry.add("GATEWAY_CONNECT_TIMEOUT_MS", () -> CONNECT_TIMEOUT.toMillis());
        registry.add("touchpoint.tenant-context.key", () -> "resilience-it-shared-key-0123456789abcdef");
        TestGateway.bootstrapKey(
                registry,
                0,
                KEY,
                "acme",
                "key_resilience",
                "tickets:read",
                "tickets:write",
                "channels:read",
                "profiles:read",
                "feedback:read");
    }

    @BeforeEach
    void setUp() {
        client = TestGateway.client(port)
                .mutate()
                .responseTimeout(Duration.ofSeconds(15))
                .defaultHeaders(headers -> headers.setBearerAuth(KEY))
                .build();
    }

    @AfterAll
    static void stopDownstream() {
        services.close();
    }

    /**
     * Feedback's host takes no connections (a stopped service's refuses them: GatewayIT). Connecting gives up at the
     * connect timeout, so the answer is a 503 before the route timeout would have ended the call as a 504.
     */
    @Test
    void unreachableServiceIsA503ProblemWithinTheRouteTimeout() {
        client.get().uri("/v1/tickets/warm-up").exchange().expectStatus().isOk();
        // The failed connection, retries and fallback run for the first time here: class loading and a cold JIT on
        // a busy machine are not what the timing below is about.
        client.get()
                .uri("/v1/feedback/surveys/srv_0")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);

        long started = System.nanoTime();
        client.get()
                .uri("/v1/feedback/surveys/srv_1")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals("Retry-After", "2")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://touchpoint.dev/problems/service-unavailable")
                .jsonPath("$.code")
                .isEqualTo("service_unavailable")
                .jsonPath("$.status")
                .isEqualTo(503);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(ROUTE_TIMEOUT);
    }

    @Test
    void slowServiceIsA504ProblemAtTheRouteTimeout() {
        long started = System.nanoTime();
        client.get()
                .uri("/v1/tickets/slow")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .exists("Retry-After")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("gateway_timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(ROUTE_TIMEOUT.multipliedBy(2));
        assertThat(services.received("/v1/tickets/slow"))
                .as("timeouts are not retried")
                .hasSize(1);
    }

    @Test
    void onlyIdempotentMethodsAreRetried() {
        for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.POST)) {
            client.method(method)
                    .uri("/v1/tickets/unavailable")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectHeader()
                    .exists("Retry-After");
        }

        assertThat(services.received("/v1/tickets/unavailable"))
                .containsExactly(
                        "GET /v1/tickets/unavailable",
                        "GET /v1/tickets/unavailable",
                        "GET /v1/tickets/unavailable",
                        "POST /v1/tickets/unavailable");
    }

    /**
     * A request's body goes on to the service as it arrives: the gateway does not hold whole bodies (webhooks may carry
     * 5 MB) in its memory first, which a few hundred concurrent uploads would exhaust. The test sends the second half
     * of the body only once the service has the request.
     */
    @Test
    void requestBodiesAreStreamedToTheServiceNotHeldInTheGateway() {
        String path = "/webhooks/test/streamed";
        Mono<String> secondHalf = Mono.fromCallable(() -> {
                    Awaitility.await("the service receiving the request while its body is still arriving")
                            .atMost(Duration.ofSeconds(5))
                            .until(() -> !services.received(path).isEmpty());
                    return "second half";
                })
                .subscribeOn(Schedulers.boundedElastic());

        client.post()
                .uri(path)
                .contentType(MediaType.TEXT_PLAIN)
                .body(Flux.concat(Mono.just("first half, "), secondHalf), String.class)
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(services.bodiesReceived(path)).containsExactly("first half, second half");
    }

    @Test
    void breakerOpensAfterTenFailuresAndSaysHowLongItStaysOpen() {
        CircuitBreakerConfig config = breakers.getCircuitBreakerRegistry().getDefaultConfig();
        assertThat(config.getSlidingWindowSize()).isEqualTo(20);
        assertThat(config.getMinimumNumberOfCalls()).isEqualTo(10);
        assertThat(breakers.getTimeLimiterRegistry().getDefaultConfig().getTimeoutDuration())
                .isEqualTo(ROUTE_TIMEOUT);

        IntStream.range(0, 10).forEach(call -> client.get()
                .uri("/v1/profiles/prf_" + call)
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));

        CircuitBreaker profiles = breakers.getCircuitBreakerRegistry().circuitBreaker("profiles");
        assertThat(profiles.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        EntityExchangeResult<byte[]> refused = client.get()
                .uri("/v1/profiles/prf_x")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).contains("not calling it"))
                .returnResult();
        // What is left of its 10 s open state, allowing for a slow machine.
        assertThat(Integer.parseInt(refused.getResponseHeaders().getFirst("Retry-After")))
                .isBetween(5, 10);

        WebTestClient management = TestGateway.client(managementPort);
        management
                .get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components.circuitBreakers.details.profiles.state")
                .isEqualTo("OPEN");
        management
                .get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk();
        client.get().uri("/readyz").exchange().expectStatus().isOk();
    }
}
