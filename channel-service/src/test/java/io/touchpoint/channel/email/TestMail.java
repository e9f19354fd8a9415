package io.touchpoint.channel.email;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/** Sample mails from {@code src/test/resources/email/}, and a real SMTP client (Jakarta Mail) to deliver them. */
final class TestMail {

    private TestMail() {}

    static byte[] sample(String name) {
        try (InputStream in = TestMail.class.getResourceAsStream("/email/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code sample} with its {@code Message-ID} replaced, so that each test stores a mail of its own. */
    static byte[] withMessageId(byte[] sample, String messageId) {
        String mail = new String(sample, StandardCharsets.ISO_8859_1);
        return mail.replaceFirst("(?m)^Message-ID: .*$", "Message-ID: " + messageId)
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Delivers {@code raw}, unchanged, to {@code recipient} through the SMTP server on {@code port}, as a sending mail
     * server would.
     *
     * @return the server's reply to the message, e.g. {@code 250 2.0.0 Ok: stored as msg_…}
     */
    static String deliver(int port, byte[] raw, String recipient) throws MessagingException {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", String.valueOf(port));
        properties.setProperty("mail.smtp.localhost", "mail.example.org");
        properties.setProperty("mail.smtp.connectiontimeout", "10000");
        properties.setProperty("mail.smtp.timeout", "30000");
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
        try (SMTPTransport transport = (SMTPTransport) session.getTransport("smtp")) {
            transport.connect();
            // sendMessage, not Transport.send: the latter would replace the sample's Message-ID.
            transport.sendMessage(message, new Address[] {new InternetAddress(recipient)});
            return transport.getLastServerResponse();
        }
    }

    /** {@link #deliver}, for callers that expect no refusal: a refusal fails the test. */
    static String deliverQuietly(int port, byte[] raw, String recipient) {
        try {
            return deliver(port, raw, recipient);
        } catch (MessagingException e) {
            throw new AssertionError("delivery to " + recipient + " failed", e);
        }
    }
}
