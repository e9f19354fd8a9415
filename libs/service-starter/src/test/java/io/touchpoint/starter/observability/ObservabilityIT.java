package io.touchpoint.starter.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The web and observability defaults on a real server, against the real RabbitMQ and MongoDB-protocol server. */
@SpringBootTest(
        classes = ObservabilityIT.App.class,
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.application.name=observability-it",
            "touchpoint.tenant-context.key=observability-it-shared-key-long-enough",
            "management.tracing.sampling.probability=1.0"
        })
@RealInfrastructure
class ObservabilityIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    MongoPingHealthIndicator mongoHealth;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    RabbitAdmin admin;

    @Autowired
    Tracer tracer;

    @Test
    void mongoPingIsUpOnTheRealServer() {
        assertThat(mongoHealth.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void readinessIsUpWithRabbitMqAndMongoDb() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness");

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body())
                .contains("\"status\":\"UP\"")
                .contains("\"mongo\":{\"status\":\"UP\"}")
                .contains("\"rabbit\":{\"status\":\"UP\"}")
                .contains("\"readinessState\":{\"status\":\"UP\"}")
                .doesNotContain("mongodb");
    }

    @Test
    void livenessDoesNotDependOnTheInfrastructure() throws Exception {
        HttpResponse<String> liveness = get("/actuator/health/liveness");

        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body())
                .contains("livenessState")
                .doesNotContain("mongo")
                .doesNotContain("rabbit");
    }

    @Test
    void prometheusScrapesTenantFreeMetricsTaggedWithTheApplication() throws Exception {
        get("/v1/unknown");

        HttpResponse<String> scrape = get("/actuator/prometheus");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("http_server_requests_seconds_count{application=\"observability-it\"")
                .doesNotContain("tenant=");
    }

    @Test
    void onlyHealthInfoAndPrometheusAreExposed() throws Exception {
        assertThat(get("/actuator/env").statusCode()).isEqualTo(404);
        assertThat(get("/actuator/info").statusCode()).isEqualTo(200);
    }

    /**
     * Tomcat would close a keep-alive connection after its 100th request, so the gateway's pool opened a new connection
     * to the service for every hundred calls. 150 pipelined requests on one connection all get their answer.
     */
    @Test
    void keepAliveConnectionsServeMoreThanAHundredRequests() throws Exception {
        int requests = 150;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            String request = "GET /actuator/health/liveness HTTP/1.1\r\nHost: localhost\r\n\r\n";
            socket.getOutputStream().write(request.repeat(requests).getBytes(StandardCharsets.US_ASCII));

            BufferedReader responses =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            int answered = 0;
            String line;
            while (answered < requests && (line = responses.readLine()) != null) {
                assertThat(line).as("response header").isNotEqualToIgnoringCase("Connection: close");
                if (line.startsWith("HTTP/1.1 200")) {
                    answered++;
                }
            }
            assertThat(answered).isEqualTo(requests);
        }
    }

    @Test
    void carriesTheTraceOverRabbitMq() {
        String queue = admin.declareQueue(new Queue("observability-it." + UUID.randomUUID(), false, true, true));
        Span span = tracer.nextSpan().name("publish-test").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            rabbit.convertAndSend("", queue, "hello");
        } finally {
            span.end();
        }

        Message received = rabbit.receive(queue, 5_000);

        assertThat(received).isNotNull();
        Object traceparent = received.getMessageProperties().getHeaders().get("traceparent");
        assertThat(traceparent).asString().startsWith("00-" + span.context().traceId() + "-");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {}
}
