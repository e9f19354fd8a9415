package io.touchpoint.channel.application.inbound;

import io.micrometer.core.instrument.MeterRegistry;
import io.touchpoint.channel.application.MetricTags;
import io.touchpoint.channel.application.connection.ConnectionDisabledException;
import io.touchpoint.channel.domain.Ids;
import io.touchpoint.channel.domain.connection.ChannelConnection;
import io.touchpoint.channel.domain.inbound.CustomerServiceWindow;
import io.touchpoint.channel.domain.inbound.InboundMessage;
import io.touchpoint.events.interaction.InteractionReceived;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Where every channel's inbound message ends: stored once per {@code (tenant, channel, provider message id)} together
 * with its {@code interaction.received} event, before the provider gets its answer. A provider's retry of a stored
 * message finds the first one and changes nothing.
 */
@Service
public class InboundIngestion {

    private static final Logger log = LoggerFactory.getLogger(InboundIngestion.class);

    private final InboundMessageStore store;

    private final MeterRegistry meters;

    private final CustomerWindows windows;

    public InboundIngestion(InboundMessageStore store, MeterRegistry meters, CustomerWindows windows) {
        this.store = store;
        this.meters = meters;
        this.windows = windows;
    }

    /** Stores {@code message}, received on {@code connection}, unless it was stored before. */
    public Ingested ingest(ChannelConnection connection, InboundMessage message) {
        if (!connection.isActive()) {
            throw new ConnectionDisabledException(connection.id());
        }
        var event = new InteractionReceived(
                Ids.next(InboundMessage.ID_PREFIX),
                connection.id(),
                message.channel(),
                message.providerMessageId(),
                message.customer(),
                message.thread(),
                message.content(),
                message.language(),
                message.receivedAt());
        Optional<String> existing = store.insertIfAbsent(connection.tenantId(), connection.id(), event, message);
        if (CustomerServiceWindow.appliesTo(message.channel())) {
            // Also on a provider's retry, in case the first delivery stopped between the writes; never moves back.
            windows.customerWrote(
                    connection.tenantId(), connection.id(), message.customer().value(), message.receivedAt());
        }
        String outcome = existing.isPresent() ? "duplicate" : "stored";
        meters.counter(
                        "touchpoint.channel.inbound.messages",
                        "channel",
                        MetricTags.tag(message.channel()),
                        "outcome",
                        outcome)
                .increment();
        if (existing.isPresent()) {
            log.debug(
                    "inbound {} message {} on {} was stored before as {}",
                    MetricTags.tag(message.channel()),
                    message.providerMessageId(),
                    connection.id(),
                    existing.get());
            return new Ingested(existing.get(), true);
        }
        log.info(
                "inbound {} message stored as {} on {}",
                MetricTags.tag(message.channel()),
                event.interactionId(),
                connection.id());
        return new Ingested(event.interactionId(), false);
    }

    /**
     * The outcome of {@link #ingest}.
     *
     * @param messageId the stored message's id, {@code msg_…}
     * @param duplicate whether it had been stored before (a provider retry)
     */
    public record Ingested(String messageId, boolean duplicate) {}
}
