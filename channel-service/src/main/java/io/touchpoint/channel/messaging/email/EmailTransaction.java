package io.touchpoint.channel.messaging.email;

import io.micrometer.core.instrument.MeterRegistry;
import io.touchpoint.channel.application.connection.ConnectionDisabledException;
import io.touchpoint.channel.application.email.EmailRecipients;
import io.touchpoint.channel.application.email.EmailThreading;
import io.touchpoint.channel.application.inbound.InboundIngestion;
import io.touchpoint.channel.application.inbound.MalformedPayloadException;
import io.touchpoint.channel.domain.connection.ChannelConnection;
import io.touchpoint.channel.domain.inbound.InboundMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;

/**
 * One SMTP mail transaction (MAIL, RCPT…, DATA). Each recipient must be a connection's inbound address, else 550. The
 * mail is stored on every recipient's connection before DATA is answered 250; if storing fails the answer is 451, so
 * the sending server keeps the mail and tries again, and the retry is recognised by its {@code Message-ID}.
 */
final class EmailTransaction implements MessageHandler {

    private static final Logger log = LoggerFactory.getLogger(EmailTransaction.class);

    private final EmailRecipients recipients;

    private final InboundIngestion ingestion;

    private final EmailThreading threading;

    private final EmailParser parser;

    private final long maxMessageSize;

    private final Clock clock;

    private final MeterRegistry meters;

    private final Map<String, ChannelConnection> connections = new LinkedHashMap<>();

    EmailTransaction(
            EmailRecipients recipients,
            InboundIngestion ingestion,
            EmailThreading threading,
            EmailParser parser,
            long maxMessageSize,
            Clock clock,
            MeterRegistry meters) {
        this.recipients = recipients;
        this.ingestion = ingestion;
        this.threading = threading;
        this.parser = parser;
        this.maxMessageSize = maxMessageSize;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public void from(String sender) {
        // The envelope sender is the bounce address; the customer is the From header.
    }

    @Override
    public void recipient(String address) throws RejectException {
        Optional<ChannelConnection> connection;
        try {
            connection = recipients.connectionFor(address);
        } catch (RuntimeException e) {
            rejected("lookup_failed");
            log.warn("email recipient could not be looked up: {}", e.toString());
            throw new RejectException(451, "4.3.0 Cannot accept mail for this address now, try again later");
        }
        if (connection.isEmpty()) {
            rejected("unknown_recipient");
            log.debug("email for unknown recipient {} refused", address);
            throw new RejectException(550, "5.1.1 <" + address + ">: Recipient address rejected: no such mailbox");
        }
        connections.putIfAbsent(connection.get().id(), connection.get());
    }

    @Override
    public String data(InputStream data) throws RejectException, IOException {
        byte[] raw = read(data);
        InboundMessage message;
        try {
            message = parser.parse(raw, clock.instant());
        } catch (MalformedPayloadException | IllegalArgumentException e) {
            rejected("malformed");
            log.info("unreadable email refused (554)");
            log.debug("unreadable email: {}", e.getMessage());
            throw new RejectException(
                    554, "5.6.0 Message not accepted: " + e.getMessage().replaceAll("[\r\n]", " "));
        }
        List<String> stored = new ArrayList<>();
        for (ChannelConnection connection : connections.values()) {
            try {
                stored.add(ingestion
                        .ingest(connection, threading.threaded(connection, message))
                        .messageId());
            } catch (ConnectionDisabledException e) {
                log.info("email for {} not stored: the connection was disabled meanwhile", connection.id());
            } catch (RuntimeException e) {
                rejected("storage_failed");
                log.warn("email for {} could not be stored, the sender will retry: {}", connection.id(), e.toString());
                throw new RejectException(451, "4.3.0 Message not stored, try again later");
            }
        }
        if (stored.isEmpty()) {
            rejected("unknown_recipient");
            throw new RejectException(550, "5.1.1 No such mailbox");
        }
        return "2.0.0 Ok: stored as " + String.join(" ", stored);
    }

    @Override
    public void done() {}

    /** The whole mail, or 552 once it grows past the limit; the rest is still read so the session stays in step. */
    private byte[] read(InputStream data) throws IOException, RejectException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(8192);
        byte[] buffer = new byte[8192];
        long total = 0;
        int read;
        while ((read = data.read(buffer)) != -1) {
            total += read;
            if (total > maxMessageSize) {
                data.transferTo(OutputStream.nullOutputStream());
                rejected("too_large");
                throw new RejectException(552, "5.3.4 Message size exceeds fixed maximum message size");
            }
            raw.write(buffer, 0, read);
        }
        return raw.toByteArray();
    }

    private void rejected(String reason) {
        meters.counter("touchpoint.channel.email.rejected", "reason", reason).increment();
    }
}
