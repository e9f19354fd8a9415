package io.touchpoint.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.touchpoint.gateway.TestGateway;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The merged document, built from two real services' documents while a third service is down. */
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

    @LocalServerPort
    private int port;

    private WebTestClient client;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add("TICKET_SERVICE_URI", () -> uri(tickets));
        registry.add("FEEDBACK_SERVICE_URI", () -> uri(feedback));
        registry.add("PROFILE_SERVICE_URI", OpenApiIT::nothingListening);
        registry.add("CHANNEL_SERVICE_URI", OpenApiIT::nothingListening);
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
                .value(missing -> assertThat(missing.toString()).contains("profiles", "channels"))
                .jsonPath("$.components.securitySchemes.bearer.scheme")
                .isEqualTo("bearer");
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
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(page)
                .contains("/v1/openapi.json")
                .doesNotContain("<script src=")
                .doesNotContain("https://cdn");
    }

    private static HttpServer serve(String document) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/v3/api-docs", exchange -> {
                byte[] body = document.getBytes(StandardCharsets.UTF_8);
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
