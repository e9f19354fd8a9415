package io.touchpoint.channel.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An SMTP client that speaks command by command, for what a mail library does not let a test do: stop between RCPT
 * and DATA, send a body without a SIZE announcement, read each reply code.
 */
public final class SmtpConversation implements AutoCloseable {

    private final Socket socket;

    private final BufferedReader in;

    private final OutputStream out;

    private SmtpConversation(Socket socket) throws IOException {
        this.socket = socket;
        this.socket.setSoTimeout(30_000);
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        this.out = socket.getOutputStream();
    }

    /** Connects, reads the greeting and says EHLO. */
    public static SmtpConversation open(int port) {
        try {
            SmtpConversation conversation = new SmtpConversation(new Socket("127.0.0.1", port));
            conversation.reply();
            conversation.command("EHLO client.example.org");
            return conversation;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one command line and returns the server's (last) reply line, e.g. {@code 250 Ok}. */
    public String command(String line) {
        write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        return reply();
    }

    /** MAIL FROM and RCPT TO; the RCPT reply. */
    public String envelope(String from, String to) {
        String mail = command("MAIL FROM:<" + from + ">");
        if (!mail.startsWith("250")) {
            throw new AssertionError("MAIL FROM refused: " + mail);
        }
        return command("RCPT TO:<" + to + ">");
    }

    /** DATA, then {@code message} dot-stuffed and terminated; the reply to the message. */
    public String data(byte[] message) {
        String data = command("DATA");
        if (!data.startsWith("354")) {
            return data;
        }
        String text = new String(message, StandardCharsets.ISO_8859_1)
                .replace("\r\n", "\n")
                .replace("\n", "\r\n");
        if (!text.endsWith("\r\n")) {
            text += "\r\n";
        }
        text = text.replace("\r\n.", "\r\n..");
        if (text.startsWith(".")) {
            text = "." + text;
        }
        write((text + ".\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return reply();
    }

    private void write(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String reply() {
        try {
            String line;
            do {
                line = in.readLine();
                if (line == null) {
                    throw new AssertionError("the server closed the connection");
                }
            } while (line.length() > 3 && line.charAt(3) == '-');
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (!socket.isClosed()) {
                write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        } catch (UncheckedIOException ignored) {
            // the server may have gone already
        } finally {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing left to do
            }
        }
    }
}
