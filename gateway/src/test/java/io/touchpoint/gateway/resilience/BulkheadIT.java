package io.touchpoint.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.touchpoint.gateway.TestGateway;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway in front of a service that holds its answers. A call keeps its place in the bulkhead only until the
 * service answers or the route timeout ends it, so the timeout here is far longer than the test takes, and the test
 * decides when the service answers: the calls it holds fill the bulkhead however slowly the machine runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class BulkheadIT {

    private static final String KEY = "tp_bulkhead_it_key";
    private static final int LIMIT = 4;
    private static final Duration ROUTE_TIMEOUT = Duration.ofSeconds(30);

    /** Channels point here. */
    private static final ScriptedDownstream services = ScriptedDownstream.start();

    @LocalServerPort
    private int port;

    @Autowired
    private ReactiveResilience4JCircuitBreakerFactory breakers;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add("CHANNEL_SERVICE_URI", services::uri);
        registry.add("TICKET_SERVICE_URI", ScriptedDownstream::stoppedServiceUri);
        registry.add("FEEDBACK_SERVICE_URI", ScriptedDownstream::stoppedServiceUri);
        registry.add("PROFILE_SERVICE_URI", ScriptedDownstream::stoppedServiceUri);
        registry.add("GATEWAY_RESPONSE_TIMEOUT_MS", () -> ROUTE_TIMEOUT.toMillis());
        registry.add("GATEWAY_BULKHEAD_MAX_CONCURRENT", () -> LIMIT);
        registry.add("touchpoint.tenant-context.key", () -> "bulkhead-it-shared-key-0123456789abcdef");
        TestGateway.bootstrapKey(registry, 0, KEY, "acme", "key_bulkhead", "channels:read");
    }

    @AfterAll
    static void stopDownstream() {
        services.close();
    }

    @Test
    void fullBulkheadTurnsAwayCallsBeyondItsLimitWhileTheServiceIsSlowButNotProviderWebhooks() throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest held = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/channels/held"))
                .header("Authorization", "Bearer " + KEY)
                .build();

        // Four calls the service holds fill the channels bulkhead (limit 4)...
        List<CompletableFuture<HttpResponse<Void>>> inFlight = IntStream.range(0, LIMIT)
                .mapToObj(call -> http.sendAsync(held, HttpResponse.BodyHandlers.discarding()))
                .toList();
        try {
            await().pollInterval(Duration.ofMillis(5))
                    .until(() -> services.received("/v1/channels/held").size() == LIMIT);

            // ...so calls made meanwhile are turned away at once instead of queueing behind them.
            List<Integer> turnedAway = IntStream.range(0, 2)
                    .mapToObj(call -> http.sendAsync(held, HttpResponse.BodyHandlers.discarding()))
                    .toList()
                    .stream()
                    .map(response -> response.join().statusCode())
                    .toList();

            assertThat(turnedAway).containsExactly(503, 503);
            // Provider webhooks to the same service have a bulkhead of their own: a customer's message still gets in.
            HttpRequest webhook = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/webhooks/sms/con_bulkhead"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("Body=hello"))
                    .build();
            assertThat(http.send(webhook, HttpResponse.BodyHandlers.discarding())
                            .statusCode())
                    .isEqualTo(200);
            assertThat(services.received("/webhooks/sms/con_bulkhead")).hasSize(1);
            assertThat(inFlight).as("still held by the service").noneMatch(CompletableFuture::isDone);
        } finally {
            services.releaseHeld();
        }

        assertThat(inFlight.stream().map(response -> response.join().statusCode()))
                .containsExactly(200, 200, 200, 200);
        assertThat(services.received("/v1/channels/held")).hasSize(LIMIT);
        assertThat(breakers.getCircuitBreakerRegistry().getDefaultConfig().getIgnoreExceptionPredicate())
                .as("shedding load is not the service failing")
                .accepts(BulkheadFullException.createBulkheadFullException(Bulkhead.ofDefaults("channels")));
    }
}
