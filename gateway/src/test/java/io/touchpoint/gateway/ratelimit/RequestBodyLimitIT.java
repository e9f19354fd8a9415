package io.touchpoint.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Bodies over the limit are refused with 413, whether their length is declared or streamed; others pass intact. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@Import(CallerConfiguration.class)
class RequestBodyLimitIT {

    private static final BlockingQueue<byte[]> bodies = new LinkedBlockingQueue<>();
    private static final HttpServer downstream = startDownstream();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory breakers;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        RateLimitScenarios.rateLimitProperties(registry);
        String uri = "http://127.0.0.1:" + downstream.getAddress().getPort();
        registry.add("TICKET_SERVICE_URI", () -> uri);
        registry.add("CHANNEL_SERVICE_URI", () -> uri);
        registry.add("touchpoint.gateway.rate-limits.enabled", () -> false);
        registry.add("touchpoint.gateway.max-request-body", () -> "1KB");
        registry.add("touchpoint.gateway.max-request-body-by-path[/webhooks/**]", () -> "4KB");
    }

    @BeforeEach
    void clear() {
        bodies.clear();
    }

    @AfterAll
    static void stopDownstream() {
        downstream.stop(0);
    }

    @Test
    void declaredLengthOverTheLimitIsRefusedBeforeForwarding() throws Exception {
        HttpResponse<String> response = send("/v1/tickets", HttpRequest.BodyPublishers.ofByteArray(bytes(2048)));

        assertPayloadTooLarge(response);
        assertThat(bodies.poll(500, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void streamedBodyOverTheLimitIsRefused() throws Exception {
        CircuitBreaker.Metrics tickets =
                breakers.getCircuitBreakerRegistry().circuitBreaker("tickets").getMetrics();
        int failuresBefore = tickets.getNumberOfFailedCalls();

        // Bodies stream to the service as they arrive: the first kilobyte is on its way when the limit is passed.
        HttpResponse<String> response = send("/v1/tickets", chunked(bytes(2048)));

        assertPayloadTooLarge(response);
        assertThat(tickets.getNumberOfFailedCalls())
                .as("the client's oversized body is not the service failing")
                .isEqualTo(failuresBefore);
    }

    @Test
    void bodiesWithinTheLimitAreForwardedIntact() throws Exception {
        byte[] declared = bytes(1000);
        assertThat(send("/v1/tickets", HttpRequest.BodyPublishers.ofByteArray(declared))
                        .statusCode())
                .isEqualTo(200);
        assertThat(bodies.poll(5, TimeUnit.SECONDS)).isEqualTo(declared);

        byte[] streamed = bytes(1000);
        assertThat(send("/v1/tickets", chunked(streamed)).statusCode()).isEqualTo(200);
        assertThat(bodies.poll(5, TimeUnit.SECONDS)).isEqualTo(streamed);
    }

    @Test
    void pathWithItsOwnLimitAcceptsLargerBodies() throws Exception {
        byte[] webhook = bytes(3000);

        assertThat(send("/webhooks/sms/conn_1", chunked(webhook)).statusCode()).isEqualTo(200);
        assertThat(bodies.poll(5, TimeUnit.SECONDS)).isEqualTo(webhook);
        assertPayloadTooLarge(send("/webhooks/sms/conn_1", HttpRequest.BodyPublishers.ofByteArray(bytes(5000))));
    }

    private HttpResponse<String> send(String path, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer tp_headers")
                .header("Content-Type", "application/octet-stream")
                .POST(body)
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void assertPayloadTooLarge(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("\"code\":\"payload_too_large\"")
                .contains("\"type\":\"https://touchpoint.dev/problems/payload-too-large\"");
    }

    /** No declared length: the client sends it with chunked transfer encoding. */
    private static HttpRequest.BodyPublisher chunked(byte[] body) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'x');
        bytes[size - 1] = '!';
        return bytes;
    }

    private static HttpServer startDownstream() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                bodies.add(body);
                byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
