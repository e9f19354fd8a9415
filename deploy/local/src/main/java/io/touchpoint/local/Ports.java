package io.touchpoint.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Small TCP checks: is a port free to listen on, does something answer on it. */
final class Ports {

    private Ports() {}

    /** True when nothing could listen on {@code port} on every interface because something already does. */
    static boolean isInUse(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Like the apps' servers, reuse the address so a port in TIME_WAIT after a restart counts as free.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return false;
        } catch (IOException ex) {
            return true;
        }
    }

    /** True when a TCP connection to {@code host:port} succeeds within {@code timeoutMillis}. */
    static boolean answers(String host, int port, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            return true;
        } catch (IOException ex) {
            return false;
        }
    }
}
