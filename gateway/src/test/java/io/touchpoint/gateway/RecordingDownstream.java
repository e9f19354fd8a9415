package io.touchpoint.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server standing in for a service: answers 200 with a small JSON body and records what it received. A
 * request's {@value #RESPOND_CACHE_CONTROL} header becomes the answer's {@code Cache-Control}.
 */
final class RecordingDownstream implements AutoCloseable {

    static final String RESPOND_CACHE_CONTROL = "X-Respond-Cache-Control";

    /** What one request looked like when it arrived. */
    record Received(String method, String path, Headers headers) {}

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    private RecordingDownstream(HttpServer server) {
        this.server = server;
    }

    static RecordingDownstream start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            RecordingDownstream downstream = new RecordingDownstream(server);
            server.createContext("/", exchange -> {
                downstream.received.add(new Received(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath(),
                        exchange.getRequestHeaders()));
                byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                String cacheControl = exchange.getRequestHeaders().getFirst(RESPOND_CACHE_CONTROL);
                if (cacheControl != null) {
                    exchange.getResponseHeaders().set("Cache-Control", cacheControl);
                }
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return downstream;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next request that arrived, waiting a little for it. */
    Received next() {
        try {
            Received next = received.poll(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
            if (next == null) {
                throw new AssertionError("no request reached the downstream");
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    boolean nothingReceived() {
        return received.isEmpty();
    }

    void clear() {
        received.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
