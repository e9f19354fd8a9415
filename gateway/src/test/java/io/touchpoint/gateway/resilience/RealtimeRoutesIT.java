package io.touchpoint.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.gateway.TestGateway;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** WebSocket upgrades and server-sent events pass through the gateway, and outlive the route timeout. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class RealtimeRoutesIT {

    private static final String KEY = "tp_realtime_it_key";
    private static final Duration ROUTE_TIMEOUT = Duration.ofMillis(800);

    /** Echoes WebSocket messages; streams five events 400 ms apart (2 s: longer than the route timeout). */
    private static final DisposableServer service = HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .route(routes -> routes.ws(
                            "/v1/channels/realtime/echo",
                            (in, out) -> out.sendString(in.receive().asString().map(text -> "echo: " + text)))
                    .get("/v1/tickets/realtime/inbox", (request, response) -> response.header(
                                    "Content-Type", "text/event-stream")
                            .sendString(Flux.interval(Duration.ofMillis(400))
                                    .take(5)
                                    .map(i -> "id: " + i + "\nevent: ticket\ndata: {\"n\":" + i + "}\n\n"))))
            .bindNow();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        String uri = "http://127.0.0.1:" + service.port();
        registry.add("CHANNEL_SERVICE_URI", () -> uri);
        registry.add("TICKET_SERVICE_URI", () -> uri);
        registry.add("GATEWAY_RESPONSE_TIMEOUT_MS", () -> ROUTE_TIMEOUT.toMillis());
        registry.add("GATEWAY_RESPONSE_TIMEOUT", () -> ROUTE_TIMEOUT.toMillis() + "ms");
        registry.add("touchpoint.tenant-context.key", () -> "realtime-it-shared-key-0123456789abcdef");
        TestGateway.bootstrapKey(registry, 0, KEY, "acme", "key_realtime", "tickets:read", "channels:read");
    }

    @AfterAll
    static void stopService() {
        service.disposeNow();
    }

    @Test
    void webSocketMessagesAreEchoedThroughTheGateway() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(KEY);
        List<String> replies = new java.util.concurrent.CopyOnWriteArrayList<>();

        new ReactorNettyWebSocketClient()
                .execute(
                        URI.create("ws://127.0.0.1:" + port + "/v1/channels/realtime/echo"),
                        headers,
                        session -> session.send(Mono.just(session.textMessage("hello")))
                                .thenMany(session.receive()
                                        .map(WebSocketMessage::getPayloadAsText)
                                        .take(1)
                                        .doOnNext(replies::add))
                                .then())
                .block(Duration.ofSeconds(10));

        assertThat(replies).containsExactly("echo: hello");
    }

    @Test
    void serverSentEventsStreamLongerThanTheRouteTimeoutWithTheirIds() {
        long started = System.nanoTime();
        List<ServerSentEvent<String>> events = WebClient.create("http://127.0.0.1:" + port)
                .get()
                .uri("/v1/tickets/realtime/inbox")
                .headers(headers -> headers.setBearerAuth(KEY))
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {})
                .collectList()
                .block(Duration.ofSeconds(10));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(ROUTE_TIMEOUT);
        assertThat(events).extracting(ServerSentEvent::id).containsExactly("0", "1", "2", "3", "4");
        assertThat(events.get(4).data()).isEqualTo("{\"n\":4}");
    }
}
