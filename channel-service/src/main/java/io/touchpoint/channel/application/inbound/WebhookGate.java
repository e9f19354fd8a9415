package io.touchpoint.channel.application.inbound;

import io.micrometer.core.instrument.MeterRegistry;
import io.touchpoint.channel.application.MetricTags;
import io.touchpoint.channel.application.connection.ConnectionStore;
import io.touchpoint.channel.domain.connection.ChannelConnection;
import io.touchpoint.events.Channel;
import io.touchpoint.starter.problem.NotFoundException;
import io.touchpoint.starter.problem.ProblemException;
import java.util.function.BiPredicate;
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
                .findAcrossTenants(connectionId)
                .filter(connection -> connection.kind() == kind && connection.isActive())
                .orElseThrow(() -> {
                    count(kind, "unknown_connection");
                    return new NotFoundException(
                            "connection_not_found", "No " + MetricTags.tag(kind) + " connection " + connectionId + ".");
                });
    }

    /**
     * Checks that a webhook proves the connection's secret {@code secretName}: {@code verifies} gets the secret and
     * the {@code signature} the request carried. Refused as {@link #rejected} with reason {@code not_configured} when
     * the connection has no such secret, {@code missing} without a signature, {@code invalid} when it does not verify.
     */
    public void verify(
            ChannelConnection connection, String secretName, String signature, BiPredicate<String, String> verifies) {
        String secret = connection.secret(secretName).orElseThrow(() -> rejected(connection, "not_configured"));
        if (signature == null) {
            throw rejected(connection, "missing");
        }
        if (!verifies.test(secret, signature)) {
            throw rejected(connection, "invalid");
        }
    }

    /**
     * Refuses a webhook whose signature does not verify, for {@code reason}: counted, logged without the payload,
     * answered 401, nothing stored.
     */
    public WebhookSignatureException rejected(ChannelConnection connection, String reason) {
        count(connection.kind(), reason);
        log.warn("{} webhook for {} refused: {}", MetricTags.tag(connection.kind()), connection.id(), reason);
        return new WebhookSignatureException(reason);
    }

    /**
     * Refuses a provider's subscription handshake (Meta's {@code hub.verify_token}) that does not prove the
     * connection's secret: counted and logged like {@link #rejected}, answered 403.
     */
    public ProblemException forbidden(ChannelConnection connection, String reason) {
        count(connection.kind(), reason);
        log.warn(
                "{} webhook verification for {} refused: {}",
                MetricTags.tag(connection.kind()),
                connection.id(),
                reason);
        return new ProblemException(
                HttpStatus.FORBIDDEN, "verification_failed", "The webhook verification request is not valid.");
    }

    private void count(Channel kind, String reason) {
        meters.counter("touchpoint.channel.webhooks.rejected", "channel", MetricTags.tag(kind), "reason", reason)
                .increment();
    }
}
