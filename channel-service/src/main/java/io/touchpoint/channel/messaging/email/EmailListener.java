package io.touchpoint.channel.messaging.email;

import io.micrometer.core.instrument.MeterRegistry;
import io.touchpoint.channel.application.email.EmailRecipients;
import io.touchpoint.channel.application.email.EmailThreading;
import io.touchpoint.channel.application.inbound.InboundIngestion;
import io.touchpoint.channel.config.EmailProperties;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The SMTP listener inbound mail arrives at, running as long as the application context
 * ({@code touchpoint.channel.email.listener.*}). The MX of a tenant's domain, or a forwarding rule of its mail system,
 * delivers to it; each mail is stored through {@link InboundIngestion} like any channel's message.
 */
@Component
public class EmailListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmailListener.class);

    private final EmailProperties.Listener properties;

    private final EmailRecipients recipients;

    private final InboundIngestion ingestion;

    private final EmailThreading threading;

    private final EmailParser parser;

    private final Clock clock;

    private final MeterRegistry meters;

    private volatile SMTPServer server;

    EmailListener(
            EmailProperties properties,
            EmailRecipients recipients,
            InboundIngestion ingestion,
            EmailThreading threading,
            Clock clock,
            MeterRegistry meters) {
        this.properties = properties.listener();
        this.recipients = recipients;
        this.ingestion = ingestion;
        this.threading = threading;
        this.parser = new EmailParser(this.properties.trustedAuthservIds());
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        long maxMessageSize = properties.maxMessageSize().toBytes();
        SMTPServer.Builder builder = SMTPServer.port(properties.port())
                .softwareName("Touchpoint")
                .maxMessageSize((int) Math.min(maxMessageSize, Integer.MAX_VALUE))
                .maxConnections(properties.maxConnections())
                .connectionTimeout((int) properties.connectionTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .maxRecipients(100)
                // A Received header of our own would make the raw bytes, and so the fallback dedupe key, differ per
                // try.
                .insertReceivedHeaders(false)
                .messageHandlerFactory(context ->
                        new EmailTransaction(recipients, ingestion, threading, parser, maxMessageSize, clock, meters));
        if (properties.hostName() != null && !properties.hostName().isBlank()) {
            builder.hostName(properties.hostName());
        }
        if (properties.bindAddress() != null && !properties.bindAddress().isBlank()) {
            builder.bindAddress(bindAddress(properties.bindAddress()));
        }
        SMTPServer started = builder.build();
        started.start();
        server = started;
        log.info("SMTP listener for inbound email on port {}", started.getPortAllocated());
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
            log.info("SMTP listener stopped");
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    @Override
    public boolean isAutoStartup() {
        return properties.enabled();
    }

    /** The port the listener accepts connections on (the one picked when configured as 0). */
    public int port() {
        SMTPServer running = server;
        if (running == null) {
            throw new IllegalStateException("the SMTP listener is not running");
        }
        return running.getPortAllocated();
    }

    private static InetAddress bindAddress(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(
                    "touchpoint.channel.email.listener.bind-address " + address + " is unknown", e);
        }
    }
}
