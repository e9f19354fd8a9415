package io.touchpoint.channel.application;

import io.micrometer.core.instrument.MeterRegistry;
import io.touchpoint.channel.domain.ChannelConnection;
import io.touchpoint.events.Channel;
import io.touchpoint.starter.problem.NotFoundException;
import io.touchpoint.starter.problem.ProblemException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The first step of every provider webhook: find the connection its path names and refuse what its signature does not
 * prove. Webhooks carry no tenant context; the connection's own secret is what authenticates them (ARCHITECTURE.md).
 */
@Service
public class WebhookGate {

    private static final Logger log = LoggerFactory.getLogger(WebhookGate.class);

    private final ConnectionStore connections;

    private final MeterRegistry meters;

    public WebhookGate(ConnectionStore connections, MeterRegistry meters) {
        this.connections = connections;
        this.meters = meters;
    }

    /**
     * The active connection {@code connectionId} of kind {@code kind}, or 404: an unknown id, another kind's id and a
     * disabled connection all look the same to the caller, so the path cannot be used to probe connections.
     */
    public ChannelConnection connection(Channel kind, String connectionId) {
        return connections
                .findForWebhook(connectionId)
                .filter(connection -> connection.kind() == kind && connection.isActive())
                .orElseThrow(() -> {
                    count(kind, "unknown_connection");
                    return new NotFoundException(
                            "connection_not_found", "No " + tag(kind) + " connection " + connectionId + ".");
                });
    }

    /**
     * Refuses a webhook whose signature does not verify: counted, logged without the payload, answered 401 (403 when
     * {@code forbidden}), nothing stored.
     */
    public WebhookSignatureException rejected(ChannelConnection connection, String reason) {
        count(connection.kind(), reason);
        log.warn("{} webhook for {} refused: {}", tag(connection.kind()), connection.id(), reason);
        return new WebhookSignatureException(reason);
    }

    /**
     * Refuses a provider's subscription handshake (Meta's {@code hub.verify_token}) that does not prove the
     * connection's secret: counted and logged like {@link #rejected}, answered 403.
     */
    public ProblemException forbidden(ChannelConnection connection, String reason) {
        count(connection.kind(), reason);
        log.warn("{} webhook verification for {} refused: {}", tag(connection.kind()), connection.id(), reason);
        return new ProblemException(
                HttpStatus.FORBIDDEN, "verification_failed", "The webhook verification request is not valid.");
    }

    private void count(Channel kind, String reason) {
        meters.counter("touchpoint.channel.webhooks.rejected", "channel", tag(kind), "reason", reason)
                .increment();
    }

    private static String tag(Channel kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
