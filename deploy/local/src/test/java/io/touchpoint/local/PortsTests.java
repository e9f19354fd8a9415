package io.touchpoint.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTests {

    @Test
    void portWithAListenerIsInUseAndAnswers() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = listener.getLocalPort();
            assertThat(Ports.isInUse(port)).isTrue();
            assertThat(Ports.answers("127.0.0.1", port, 1000)).isTrue();
        }
    }

    @Test
    void releasedPortIsFreeAndSilent() throws IOException {
        int port;
        try (ServerSocket listener = new ServerSocket()) {
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            port = listener.getLocalPort();
        }
        assertThat(Ports.isInUse(port)).isFalse();
        assertThat(Ports.answers("127.0.0.1", port, 500)).isFalse();
    }
}
