package io.touchpoint.test.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Forwards TCP connections from 127.0.0.1 on a port of its own to a target, and can {@link #cut()} them to make the
 * target look unreachable: live connections are closed and new ones are refused until {@link #restore()}.
 *
 * <pre>{@code
 * try (TcpProxy proxy = TcpProxy.to("127.0.0.1", 5672).start()) {
 *     // point the client at 127.0.0.1:proxy.port()
 *     proxy.cut();     // the broker is gone
 *     proxy.restore(); // and back, on the same port
 * }
 * }</pre>
 */
public final class TcpProxy implements AutoCloseable {

    private volatile Thread acceptor;

    private static final AtomicInteger instances = new AtomicInteger();

    private final String targetHost;
    private final int targetPort;
    private final String threadPrefix;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connectionCount = new AtomicInteger();

    private ServerSocket server;
    private int port;
    private boolean closed;

    private TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.threadPrefix = "tcp-proxy-" + instances.incrementAndGet() + "-";
    }

    /** A proxy to {@code host:port}; nothing listens until {@link #start()}. */
    public static TcpProxy to(String host, int port) {
        return new TcpProxy(host, port);
    }

    /** Starts listening on a free port of 127.0.0.1. */
    public synchronized TcpProxy start() {
        if (server != null || closed) {
            throw new IllegalStateException("already started");
        }
        listen(0);
        return this;
    }

    /** The port clients connect to; stays the same across {@link #cut()} and {@link #restore()}. */
    public synchronized int port() {
        if (port == 0) {
            throw new IllegalStateException("not started");
        }
        return port;
    }

    /** Whether connections are currently forwarded. */
    public synchronized boolean isForwarding() {
        return server != null;
    }

    /** The number of client connections currently forwarded. */
    public int activeConnections() {
        return connectionCount.get();
    }

    /** Closes every forwarded connection and refuses new ones. */
    public synchronized void cut() {
        stopListening();
        closeConnections();
    }

    /** Accepts and forwards connections again, on the same port. */
    public synchronized void restore() {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (server == null) {
            listen(port());
        }
    }

    /** Stops listening, closes every connection and waits for the proxy's threads to end. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            stopListening();
            closeConnections();
        }
        for (Thread thread : threads) {
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void listen(int localPort) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), localPort));
            server = socket;
            port = socket.getLocalPort();
            acceptor = spawn("accept", () -> accept(socket));
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on 127.0.0.1:" + localPort, e);
        }
    }

    private void stopListening() {
        if (server != null) {
            closeQuietly(server);
            server = null;
            // The JDK releases a socket that a thread is blocked accepting on only once that thread has left accept():
            // wait for it, or restore() could find the port still bound.
            try {
                acceptor.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void closeConnections() {
        sockets.forEach(TcpProxy::closeQuietly);
    }

    private void accept(ServerSocket listener) {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed by cut() or close()
            }
            spawn("connect", () -> forward(listener, client));
        }
    }

    private void forward(ServerSocket listener, Socket client) {
        Socket upstream = new Socket();
        sockets.add(client);
        sockets.add(upstream);
        connectionCount.incrementAndGet();
        try {
            // cut() may have run between accept() and here; its closeConnections() missed these sockets.
            if (listener.isClosed()) {
                return;
            }
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            upstream.connect(new InetSocketAddress(targetHost, targetPort), 5_000);
            Thread upstreamPump = spawn("up", () -> pump(client, upstream));
            pump(upstream, client);
            upstreamPump.join();
        } catch (IOException e) {
            // The target is unreachable or the connection was cut: the client sees its socket close.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(client);
            closeQuietly(upstream);
            sockets.remove(client);
            sockets.remove(upstream);
            connectionCount.decrementAndGet();
        }
    }

    /** Copies bytes until either side ends, then closes both so the other direction ends too. */
    private static void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // One side went away; closing both below ends the other pump.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private Thread spawn(String role, Runnable task) {
        Thread thread = new Thread(
                () -> {
                    try {
                        task.run();
                    } finally {
                        threads.remove(Thread.currentThread());
                    }
                },
                threadPrefix + role);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
        return thread;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Already closed, or closing anyway.
        }
    }

    @Override
    public String toString() {
        return "TcpProxy[127.0.0.1:" + port + " -> " + targetHost + ":" + targetPort + "]";
    }
}
