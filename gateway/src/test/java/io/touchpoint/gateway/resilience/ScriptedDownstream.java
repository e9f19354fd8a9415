package io.touchpoint.gateway.resilience;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server standing in for a service that misbehaves on request: {@code /slow} answers after 3 s,
 * {@code /held} once the test {@linkplain #releaseHeld() releases} it, {@code /unavailable} answers 503, {@code /dropped}
 * closes the connection without an answer, anything else 200. Records the method, path and body of every request it saw.
 */
final class ScriptedDownstream implements AutoCloseable {

    private static ServerSocket unanswered;
    private static final List<Socket> backlog = new ArrayList<>();

    private final HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final CountDownLatch heldReleased = new CountDownLatch(1);

    private ScriptedDownstream(HttpServer server) {
        this.server = server;
    }

    static ScriptedDownstream start() {
        return startOn(0);
    }

    /** On {@code port} (0: any free one), for example one {@link #stoppedServicePort()} gave. */
    static ScriptedDownstream startOn(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            ScriptedDownstream downstream = new ScriptedDownstream(server);
            server.createContext("/", downstream::handle);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return downstream;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A local address nothing listens on: what a stopped service looks like. */
    static String stoppedServiceUri() {
        return "http://127.0.0.1:" + stoppedServicePort();
    }

    /** A local port nothing listens on. */
    static int stoppedServicePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A local address whose connections are never accepted: a listening socket whose backlog is full, so the kernel
     * drops every new connection's SYN and connecting hangs, as it does to a host that went away. Open until the JVM
     * ends.
     */
    static synchronized String unansweredServiceUri() {
        try {
            if (unanswered == null) {
                unanswered = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                InetSocketAddress address =
                        new InetSocketAddress(unanswered.getInetAddress(), unanswered.getLocalPort());
                for (boolean queued = true; queued; ) {
                    Socket socket = new Socket();
                    try {
                        socket.connect(address, 200);
                        backlog.add(socket);
                    } catch (SocketTimeoutException full) {
                        socket.close();
                        queued = false;
                    }
                }
            }
            return "http://127.0.0.1:" + unanswered.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        received.add(exchange.getRequestMethod() + " " + path);
        bodies.add(path + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        int status = 200;
        if (path.endsWith("/slow")) {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (path.endsWith("/held")) {
            try {
                heldReleased.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (path.endsWith("/unavailable")) {
            status = 503;
        } else if (path.endsWith("/dropped")) {
            // Read the request, then close the connection without an answer.
            exchange.close();
            return;
        }
        byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException gatewayGaveUp) {
            // The gateway closed the connection after its timeout; nothing left to answer.
        }
        exchange.close();
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** "METHOD /path" of each request received for the path, in arrival order. */
    List<String> received(String path) {
        return received.stream().filter(line -> line.endsWith(" " + path)).toList();
    }

    /** The body of each request received for the path, in arrival order. */
    List<String> bodiesReceived(String path) {
        return bodies.stream()
                .filter(line -> line.startsWith(path + " "))
                .map(line -> line.substring(path.length() + 1))
                .toList();
    }

    /** Answers the {@code /held} requests waiting, and any to come. */
    void releaseHeld() {
        heldReleased.countDown();
    }

    @Override
    public void close() {
        releaseHeld();
        server.stop(0);
    }
}
