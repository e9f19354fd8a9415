package io.touchpoint.channel.application.outbound;

import io.touchpoint.channel.domain.connection.ChannelConnection;
import io.touchpoint.channel.domain.outbound.OutboundMessage;
import io.touchpoint.channel.domain.outbound.SendOutcome;
import io.touchpoint.events.Channel;

/**
 * Hands outbound messages of one kind of channel to its provider. One bean per {@link Channel}; the delivery worker
 * calls it off the listener thread, inside that channel's circuit breaker and bulkhead, and retries what it reports
 * as {@link SendOutcome.TransientFailure}.
 *
 * <p>Implementations must not throw for provider answers: they map them to a {@link SendOutcome}. An exception that
 * escapes is treated as a transient failure.
 */
public interface ChannelSender {

    /** The kind of channel this sender delivers to. */
    Channel channel();

    /** Makes one attempt at sending {@code message} through {@code connection}. */
    SendOutcome send(ChannelConnection connection, OutboundMessage message);
}
