package io.touchpoint.channel.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A provider's HTTP API on a local port (the JDK's HTTP server): records every request and answers with what the test
 * set for the path, so that senders are tested against real HTTP, timeouts included.
 */
public final class ProviderStub implements AutoCloseable {

    /** A request as it arrived. */
    public record Request(String method, String path, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** An answer; {@code delay} holds it back (a slow or hanging provider). */
    public record Reply(int status, String json, Duration delay) {

        public static Reply json(int status, String json) {
            return new Reply(status, json, Duration.ZERO);
        }

        public Reply after(Duration delay) {
            return new Reply(status, json, delay);
        }
    }

    private final HttpServer server;

    private final ExecutorService threads = Executors.newCachedThreadPool();

    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private final Map<String, Function<Request, Reply>> responders = new ConcurrentHashMap<>();

    private final AtomicInteger counter = new AtomicInteger();

    private ProviderStub(HttpServer server) {
        this.server = server;
    }

    public static ProviderStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            ProviderStub stub = new ProviderStub(server);
            server.createContext("/", stub::handle);
            server.setExecutor(stub.threads);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers requests whose path starts with {@code pathPrefix}; the longest matching prefix wins. */
    public void on(String pathPrefix, Function<Request, Reply> responder) {
        responders.put(pathPrefix, responder);
    }

    /** A number unique within this stub, for provider message ids. */
    public int nextId() {
        return counter.incrementAndGet();
    }

    public List<Request> requests(String pathPrefix) {
        return requests.stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(request);
            Reply reply = responders.entrySet().stream()
                    .filter(entry -> request.path().startsWith(entry.getKey()))
                    .max(Map.Entry.comparingByKey(java.util.Comparator.comparingInt(String::length)))
                    .map(entry -> entry.getValue().apply(request))
                    .orElse(Reply.json(404, "{\"error\": \"no stub for this path\"}"));
            if (!reply.delay().isZero()) {
                try {
                    Thread.sleep(reply.delay().toMillis()); // the provider being slow, not the test waiting
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] body = reply.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            try (OutputStream out = exchange.getResponseBody()) {
                exchange.sendResponseHeaders(reply.status(), body.length);
                out.write(body);
            } catch (IOException clientGone) {
                // the sender timed out and closed the connection: what a hanging provider looks like
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
