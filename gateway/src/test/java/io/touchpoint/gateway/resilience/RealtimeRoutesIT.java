package io.touchpoint.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.touchpoint.gateway.TestGateway;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * WebSocket upgrades and server-sent events pass through the gateway, outlive the route timeout, and hold connections
 * of their own: open streams never leave API calls without one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class RealtimeRoutesIT {

    private static final String KEY = "tp_realtime_it_key";
    private static final Duration ROUTE_TIMEOUT = Duration.ofMillis(800);
    /** Connections per service for API calls, and for streams. */
    private static final int API_POOL = 2;

    private static final int STREAM_POOL = 3;

    /** Streams the service holds open now. */
    private static final AtomicInteger openStreams = new AtomicInteger();

    /**
     * Echoes WebSocket messages; streams five events 400 ms apart (2 s: longer than the route timeout); opens a stream
     * that sends one event and stays open until the client leaves; answers an API call.
     */
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
                                    .map(i -> "id: " + i + "\nevent: ticket\ndata: {\"n\":" + i + "}\n\n")))
                    .get("/v1/tickets/realtime/open", (request, response) -> response.header(
                                    "Content-Type", "text/event-stream")
                            .sendString(Flux.concat(Flux.just("event: open\ndata: {}\n\n"), Flux.never())
                                    .doOnSubscribe(subscription -> openStreams.incrementAndGet())
                                    .doFinally(signal -> openStreams.decrementAndGet())))
                    .get("/v1/tickets/tkt_1", (request, response) -> response.header("Content-Type", "application/json")
                            .sendString(Mono.just("{\"id\":\"tkt_1\"}"))))
            .bindNow();

    @LocalServerPort
    private int port;

    @Autowired
    private MeterRegistry meters;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        String uri = "http://127.0.0.1:" + service.port();
        registry.add("CHANNEL_SERVICE_URI", () -> uri);
        registry.add("TICKET_SERVICE_URI", () -> uri);
        registry.add("GATEWAY_RESPONSE_TIMEOUT_MS", () -> ROUTE_TIMEOUT.toMillis());
        registry.add("GATEWAY_RESPONSE_TIMEOUT", () -> ROUTE_TIMEOUT.toMillis() + "ms");
        registry.add("GATEWAY_POOL_MAX_CONNECTIONS", () -> API_POOL);
        registry.add("GATEWAY_STREAM_MAX_CONNECTIONS", () -> STREAM_POOL);
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
        List<String> replies = new CopyOnWriteArrayList<>();

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

    @Test
    void openStreamsLeaveApiCallsTheirConnectionsAndPastTheirOwnBoundAreRefusedAtOnce() {
        List<String> opened = new CopyOnWriteArrayList<>();
        List<Disposable> streams = IntStream.range(0, STREAM_POOL)
                .mapToObj(stream -> events("/v1/tickets/realtime/open").subscribe(event -> opened.add(event.event())))
                .toList();
        try {
            // More streams than the API calls' pool holds are open...
            await().atMost(Duration.ofSeconds(10)).until(() -> opened.size() == STREAM_POOL);
            assertThat(STREAM_POOL).isGreaterThan(API_POOL);
            assertThat(openStreams).hasValue(STREAM_POOL);
            assertThat(connectionsHeldByStreams()).as("as operators see them").isEqualTo(STREAM_POOL);

            // ...and API calls to the same service still get a connection.
            assertApiCallsGetThrough();

            // One stream more than the streams' own pool holds is refused at once, not after the acquire timeout.
            long started = System.nanoTime();
            TestGateway.client(port)
                    .get()
                    .uri("/v1/tickets/realtime/open")
                    .headers(headers -> headers.setBearerAuth(KEY))
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .contentType("application/problem+json")
                    .expectHeader()
                    .valueEquals("Retry-After", "2");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        } finally {
            streams.forEach(Disposable::dispose);
        }

        // Clients that leave give their stream's connection back: the service sees them close, and new streams open.
        await().atMost(Duration.ofSeconds(10)).until(() -> openStreams.get() == 0 && connectionsHeldByStreams() == 0);
        assertThat(events("/v1/tickets/realtime/open")
                        .blockFirst(Duration.ofSeconds(10))
                        .event())
                .isEqualTo("open");
    }

    @Test
    void openWebSocketsLeaveApiCallsTheirConnections() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(KEY);
        List<String> replies = new CopyOnWriteArrayList<>();
        List<Disposable> sockets = IntStream.range(0, STREAM_POOL)
                .mapToObj(socket -> new ReactorNettyWebSocketClient()
                        .execute(
                                URI.create("ws://127.0.0.1:" + port + "/v1/channels/realtime/echo"),
                                headers,
                                session -> session.send(Mono.just(session.textMessage("hello " + socket)))
                                        .thenMany(session.receive()
                                                .map(WebSocketMessage::getPayloadAsText)
                                                .doOnNext(replies::add))
                                        .then())
                        .subscribe())
                .toList();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> replies.size() == STREAM_POOL);
            assertApiCallsGetThrough();
        } finally {
            sockets.forEach(Disposable::dispose);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> connectionsHeldByStreams() == 0);
    }

    /**
     * The streams' connections to this test's service. Reactor Netty registers its gauges globally, so the registry also
     * holds those of the other gateways the test JVM still runs (cached contexts), each with its own service.
     */
    private double connectionsHeldByStreams() {
        return meters
                .get("reactor.netty.connection.provider.active.connections")
                .tag("name", StreamConnections.POOL)
                .gauges()
                .stream()
                .filter(gauge ->
                        String.valueOf(gauge.getId().getTag("remote.address")).endsWith(":" + service.port()))
                .mapToDouble(Gauge::value)
                .sum();
    }

    private void assertApiCallsGetThrough() {
        WebTestClient client = TestGateway.client(port);
        for (int call = 0; call < API_POOL + 1; call++) {
            client.get()
                    .uri("/v1/tickets/tkt_1")
                    .headers(headers -> headers.setBearerAuth(KEY))
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
    }

    private Flux<ServerSentEvent<String>> events(String path) {
        return WebClient.create("http://127.0.0.1:" + port)
                .get()
                .uri(path)
                .headers(headers -> headers.setBearerAuth(KEY))
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {});
    }
}
