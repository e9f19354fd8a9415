package io.touchpoint.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.touchpoint.gateway.TestGateway;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The merged document, built from real services' documents while one service is down and another is too slow for the
 * first merge.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class OpenApiIT {

    private static final String KEY = "tp_openapi_it_key";

    private static final HttpServer tickets = serve(
            """
            {"openapi":"3.0.1","info":{"title":"ticket-service","version":"1"},
             "paths":{"/v1/tickets/{id}":{"get":{"summary":"One ticket","responses":{"200":{"description":"ok"}}}}}}
            """);
    private static final HttpServer feedback = serve(
            """
            {"openapi":"3.0.1","info":{"title":"feedback-service","version":"1"},
             "paths":{"/v1/feedback/surveys":{"post":{"summary":"New survey","responses":{"201":{"description":"ok"}}}}}}
            """);

    /** Released by the test: until then the channel service takes longer than the gateway waits for its document. */
    private static final CountDownLatch channelsReady = new CountDownLatch(1);

    private static final HttpServer channels = serve(
            """
            {"openapi":"3.0.1","info":{"title":"channel-service","version":"1"},
             "paths":{"/v1/channels/connections":{"get":{"summary":"Connections","responses":{"200":{"description":"ok"}}}}}}
            """,
            () -> {
                try {
                    channelsReady.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });

    @LocalServerPort
    private int port;

    private WebTestClient client;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add("TICKET_SERVICE_URI", () -> uri(tickets));
        registry.add("FEEDBACK_SERVICE_URI", () -> uri(feedback));
        registry.add("PROFILE_SERVICE_URI", OpenApiIT::nothingListening);
        registry.add("CHANNEL_SERVICE_URI", () -> uri(channels));
        registry.add("touchpoint.tenant-context.key", () -> "openapi-it-shared-key-0123456789abcdef");
        TestGateway.bootstrapKey(registry, 0, KEY, "acme", "key_openapi");
    }

    @BeforeEach
    void setUp() {
        client = TestGateway.client(port);
    }

    @AfterAll
    static void stopServices() {
        tickets.stop(0);
        feedback.stop(0);
        channels.stop(0);
    }

    @Test
    void mergedDocumentHasWhatTheServicesPublishAndNamesTheMissingOnes() {
        client.get()
                .uri("/v1/openapi.json")
                // Sent in case authentication is not yet waived for this path; the document is meant to be public.
                .headers(headers -> headers.setBearerAuth(KEY))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.openapi")
                .isEqualTo("3.1.0")
                .jsonPath("$.servers[0].url")
                .isEqualTo("http://127.0.0.1:" + port)
                .jsonPath("$.paths['/v1/tickets/{id}'].get.summary")
                .isEqualTo("One ticket")
                .jsonPath("$.paths['/v1/feedback/surveys'].post.summary")
                .isEqualTo("New survey")
                .jsonPath("$['x-touchpoint-missing']")
                .value(missing -> assertThat(missing.toString()).contains("profiles"))
                .jsonPath("$.components.securitySchemes.bearer.scheme")
                .isEqualTo("bearer");
    }

    @Test
    void aServiceTooSlowForTheFirstMergeIsInTheDocumentSecondsLaterNotAtTheNextRefresh() {
        Duration soon = ServiceApiDocuments.INCOMPLETE_MAX_AGE
                .plus(ServiceApiDocuments.FETCH_TIMEOUT.multipliedBy(2))
                .plusSeconds(3);
        assertThat(soon).isLessThan(ServiceApiDocuments.MAX_AGE);

        mergedDocument().jsonPath("$['x-touchpoint-missing']").value(missing -> assertThat(missing.toString())
                .contains("channels"));

        channelsReady.countDown();

        await().atMost(soon).untilAsserted(() -> mergedDocument()
                .jsonPath("$.paths['/v1/channels/connections'].get.summary")
                .isEqualTo("Connections")
                .jsonPath("$['x-touchpoint-missing']")
                .value(missing -> assertThat(missing.toString()).doesNotContain("channels")));
    }

    private WebTestClient.BodyContentSpec mergedDocument() {
        return client.get()
                .uri("/v1/openapi.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    @Test
    void docsPageIsSelfContained() {
        String page = client.get()
                .uri("/docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader()
                .valueEquals(
                        "Content-Security-Policy",
                        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                                + "connect-src 'self'; frame-ancestors 'none'")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(page)
                .contains("/v1/openapi.json")
                .doesNotContain("<script src=")
                .doesNotContain("https://cdn");
    }

    private static HttpServer serve(String document) {
        return serve(document, () -> {});
    }

    private static HttpServer serve(String document, Runnable beforeAnswering) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/v3/api-docs", exchange -> {
                beforeAnswering.run();
                byte[] body = document.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            // A request held before answering must not hold up the next ones.
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String uri(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static String nothingListening() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
