package io.touchpoint.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import io.touchpoint.gateway.TestGateway;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Request ids, W3C trace context and the access log, checked against a real downstream that records headers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
@RealInfrastructure
class ObservabilityIT {

    private static final String KEY = "tp_observability_it_key";
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    private static final BlockingQueue<Headers> received = new LinkedBlockingQueue<>();
    private static final HttpServer downstream = startDownstream();

    @LocalServerPort
    private int port;

    private WebTestClient client;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        String uri = "http://127.0.0.1:" + downstream.getAddress().getPort();
        registry.add("TICKET_SERVICE_URI", () -> uri);
        registry.add("touchpoint.tenant-context.key", () -> "observability-it-shared-key-0123456789abcdef");
        TestGateway.bootstrapKey(registry, 0, KEY, "acme", "key_observability", "tickets:read", "tickets:write");
    }

    @BeforeEach
    void setUp() {
        client = TestGateway.client(port);
        received.clear();
    }

    @AfterAll
    static void stopDownstream() {
        downstream.stop(0);
    }

    @Test
    void callersTraceContinuesToTheService() {
        client.get()
                .uri("/v1/tickets/tkt_1")
                .headers(headers -> headers.setBearerAuth(KEY))
                .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                .exchange()
                .expectStatus()
                .isOk();

        String traceparent = nextRequest().getFirst("traceparent");
        assertThat(traceparent).startsWith("00-" + TRACE_ID + "-").doesNotContain("00f067aa0ba902b7");
    }

    @Test
    void requestIdIsForwardedAndEchoed() {
        client.get()
                .uri("/v1/tickets/tkt_1")
                .headers(headers -> headers.setBearerAuth(KEY))
                .header("X-Request-Id", "req-from-caller-1")
                .exchange()
                .expectHeader()
                .valueEquals("X-Request-Id", "req-from-caller-1");

        assertThat(nextRequest().getFirst("X-Request-Id")).isEqualTo("req-from-caller-1");
    }

    @Test
    void everyRequestGetsOneAccessLogLineWithoutSecrets(CapturedOutput output) {
        client.get()
                .uri("/v1/tickets/tkt_2?token=secret-in-query")
                .headers(headers -> headers.setBearerAuth(KEY))
                .header("X-Request-Id", "req-access-log-1")
                .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                .exchange()
                .expectStatus()
                .isOk();

        String line = awaitLine(output, "req-access-log-1");
        assertThat(line)
                .contains("io.touchpoint.gateway.access")
                .contains("GET /v1/tickets/tkt_2 route=tickets status=200 latency_ms=")
                .contains("request_id=req-access-log-1 trace_id=" + TRACE_ID)
                .doesNotContain("secret-in-query")
                .doesNotContain(KEY);
    }

    @Test
    void unauthenticatedRequestsAreLoggedToo(CapturedOutput output) {
        client.get()
                .uri("/v1/tickets/tkt_3")
                .header("X-Request-Id", "req-access-log-2")
                .exchange()
                .expectStatus()
                .isUnauthorized();

        assertThat(awaitLine(output, "req-access-log-2"))
                .contains("GET /v1/tickets/tkt_3 route=- status=401")
                .contains("tenant=- key=- client=127.0.0.1 ");
    }

    private static String awaitLine(CapturedOutput output, String requestId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : output.getOut().split("\n")) {
                if (line.contains(AccessLogFilter.LOGGER) && line.contains("request_id=" + requestId)) {
                    return line;
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no access log line for " + requestId);
    }

    private static Headers nextRequest() {
        try {
            Headers headers = received.poll(5, TimeUnit.SECONDS);
            assertThat(headers).as("a request reached the downstream").isNotNull();
            return headers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static HttpServer startDownstream() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                received.add(exchange.getRequestHeaders());
                byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
