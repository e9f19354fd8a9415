package io.touchpoint.test.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TcpProxyTests {

    private EchoServer echo;

    private TcpProxy proxy;

    @BeforeEach
    void start() throws IOException {
        echo = new EchoServer();
        proxy = TcpProxy.to("127.0.0.1", echo.port()).start();
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    void forwardsBytesBothWays() throws IOException {
        try (Socket client = connect(proxy.port())) {
            assertThat(roundTrip(client, "hello")).isEqualTo("hello");
            assertThat(roundTrip(client, "again")).isEqualTo("again");
        }
    }

    @Test
    void cutClosesLiveConnections() throws IOException {
        try (Socket client = connect(proxy.port())) {
            assertThat(roundTrip(client, "before")).isEqualTo("before");

            proxy.cut();

            client.setSoTimeout(5_000);
            assertThat(readOrEndOfStream(client)).isEqualTo(-1);
            await().atMost(Duration.ofSeconds(5)).until(() -> proxy.activeConnections() == 0);
        }
    }

    @Test
    void cutRefusesNewConnections() {
        int port = proxy.port();

        proxy.cut();

        assertThat(proxy.isForwarding()).isFalse();
        assertThatThrownBy(() -> connect(port)).isInstanceOf(ConnectException.class);
    }

    @Test
    void restoreForwardsAgainOnTheSamePort() throws IOException {
        int port = proxy.port();
        proxy.cut();

        proxy.restore();

        assertThat(proxy.port()).isEqualTo(port);
        try (Socket client = connect(port)) {
            assertThat(roundTrip(client, "after")).isEqualTo("after");
        }
    }

    @Test
    void unreachableTargetClosesTheClientConnection() throws IOException {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = socket.getLocalPort();
        }
        try (TcpProxy toNowhere = TcpProxy.to("127.0.0.1", deadPort).start();
                Socket client = connect(toNowhere.port())) {
            client.setSoTimeout(5_000);
            assertThat(readOrEndOfStream(client)).isEqualTo(-1);
        }
    }

    @Test
    void closeLeavesNoThreadsBehind() throws IOException {
        try (Socket first = connect(proxy.port());
                Socket second = connect(proxy.port())) {
            roundTrip(first, "one");
            roundTrip(second, "two");
            assertThat(proxyThreads()).isGreaterThan(0);

            proxy.close();

            await().atMost(Duration.ofSeconds(5)).until(() -> proxyThreads() == 0);
        }
    }

    private static long proxyThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("tcp-proxy-") && thread.isAlive())
                .count();
    }

    private static Socket connect(int port) throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), port);
    }

    private static String roundTrip(Socket socket, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        socket.setSoTimeout(5_000);
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        byte[] answer = new byte[bytes.length];
        new DataInputStream(socket.getInputStream()).readFully(answer);
        return new String(answer, StandardCharsets.UTF_8);
    }

    private static int readOrEndOfStream(Socket socket) {
        try {
            return socket.getInputStream().read();
        } catch (IOException e) {
            return -1; // a reset is as closed as an end of stream
        }
    }

    /** Echoes whatever each client sends. */
    private static final class EchoServer implements AutoCloseable {

        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final ExecutorService executor = Executors.newCachedThreadPool();

        EchoServer() throws IOException {
            executor.execute(this::acceptLoop);
        }

        int port() {
            return server.getLocalPort();
        }

        private void acceptLoop() {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    executor.execute(() -> echo(socket));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private static void echo(Socket socket) {
            try (socket;
                    InputStream in = socket.getInputStream();
                    OutputStream out = socket.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // client went away
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            executor.shutdownNow();
        }
    }
}
