package io.touchpoint.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.touchpoint.gateway.TestGateway;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A request is sent again when its connection could not be opened, and only then. The first attempt is refused by a
 * port nothing listens on yet; the service starts there before the retry (after a backoff long enough for the test to
 * start it), and receives the request once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class UnsentRequestRetryIT {

    private static final String KEY = "tp_unsent_retry_it_key";
    private static final String BODY = "{\"subject\":\"Where is my order?\"}";

    /** Channel-service, started by the test. */
    private static final int CHANNELS_PORT = ScriptedDownstream.stoppedServicePort();

    /** Ticket-service, running. */
    private static final ScriptedDownstream tickets = ScriptedDownstream.start();

    private static ScriptedDownstream channels;

    @LocalServerPort
    private int port;

    @Autowired
    private MeterRegistry meters;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add("CHANNEL_SERVICE_URI", () -> "http://127.0.0.1:" + CHANNELS_PORT);
        registry.add("TICKET_SERVICE_URI", tickets::uri);
        registry.add("touchpoint.gateway.unsent-retries.first-backoff", () -> "1s");
        registry.add("touchpoint.tenant-context.key", () -> "unsent-retry-it-shared-key-0123456789abcdef");
        TestGateway.bootstrapKey(registry, 0, KEY, "acme", "key_unsent", "tickets:write");
    }

    @AfterAll
    static void stopServices() {
        tickets.close();
        if (channels != null) {
            channels.close();
        }
    }

    @Test
    void postsWhoseConnectionWasRefusedAreSentAgainOnceTheServiceListens() {
        double retriedBefore = retried();
        // A provider webhook and a chat widget's message: neither body is held by the gateway (RetriedRequestBodies),
        // each is read from the client once, on the attempt that connects.
        CompletableFuture<HttpResponse<String>> webhook =
                http.sendAsync(post("/webhooks/sms/con_unsent", null), HttpResponse.BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> chat = http.sendAsync(
                post("/v1/public/chat/conversations/cnv_unsent/messages", null), HttpResponse.BodyHandlers.ofString());

        await().atMost(Duration.ofSeconds(5)).until(() -> retried() >= retriedBefore + 2);
        channels = ScriptedDownstream.startOn(CHANNELS_PORT);

        assertThat(webhook.join().statusCode()).isEqualTo(200);
        assertThat(chat.join().statusCode()).isEqualTo(200);
        assertThat(channels.bodiesReceived("/webhooks/sms/con_unsent")).containsExactly(BODY);
        assertThat(channels.bodiesReceived("/public/chat/conversations/cnv_unsent/messages"))
                .containsExactly(BODY);
    }

    @Test
    void aPostWhoseConnectionBrokeAfterItWentOutIsNotSentAgain() throws Exception {
        double retriedBefore = retried();

        HttpResponse<String> created =
                http.send(post("/v1/tickets/dropped", "Bearer " + KEY), HttpResponse.BodyHandlers.ofString());

        assertThat(created.statusCode()).isEqualTo(503);
        assertThat(created.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(tickets.received("/v1/tickets/dropped")).containsExactly("POST /v1/tickets/dropped");
        assertThat(retried()).isEqualTo(retriedBefore);
    }

    private HttpRequest post(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    private double retried() {
        return meters.get("touchpoint.gateway.unsent.retries").counter().count();
    }
}
