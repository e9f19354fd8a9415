package io.touchpoint.channel.application.inbound;

import io.micrometer.core.instrument.MeterRegistry;
import io.touchpoint.channel.application.MetricTags;
import io.touchpoint.channel.application.inbound.InboundIngestion.Ingested;
import io.touchpoint.channel.application.inbound.InboundMessageStore.StoredInboundMessage;
import io.touchpoint.channel.domain.connection.ChannelConnection;
import io.touchpoint.channel.domain.inbound.ConsentKeyword;
import io.touchpoint.channel.domain.inbound.InboundMessage;
import io.touchpoint.events.Channel;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Customers who told a channel to stop messaging them (SMS {@code STOP}, {@code START}). Outbound delivery asks
 * {@link #isOptedOut} before it sends; inbound adapters hand every stored message to {@link #applyKeyword}.
 */
@Service
public class OptOuts {

    private static final Logger log = LoggerFactory.getLogger(OptOuts.class);

    private final OptOutStore store;

    private final InboundMessageStore messages;

    private final MeterRegistry meters;

    public OptOuts(OptOutStore store, InboundMessageStore messages, MeterRegistry meters) {
        this.store = store;
        this.messages = messages;
        this.meters = meters;
    }

    /** Whether {@code handleValue} (an E.164 number on SMS) withdrew consent on {@code channel} of the tenant. */
    public boolean isOptedOut(String tenantId, Channel channel, String handleValue) {
        return store.isOptedOut(tenantId, channel, handleValue);
    }

    /**
     * Records the opt-out or opt-in that {@code message} consists of, if it is a {@link ConsentKeyword}. The change
     * takes effect as of the moment the message was first stored, so a provider's retry of a {@code STOP} that arrives
     * after a later {@code START} changes nothing, while a retry after a failure between storing and recording still
     * records it.
     *
     * @param ingested what {@link InboundIngestion#ingest} answered for {@code message}
     * @return the keyword the message consisted of, if any
     */
    public Optional<ConsentKeyword> applyKeyword(
            ChannelConnection connection, InboundMessage message, Ingested ingested) {
        Optional<ConsentKeyword> keyword = ConsentKeyword.of(message.content().text());
        keyword.ifPresent(change -> {
            Instant asOf = ingested.duplicate()
                    ? messages.find(connection.tenantId(), ingested.messageId())
                            .map(StoredInboundMessage::message)
                            .map(InboundMessage::receivedAt)
                            .orElse(message.receivedAt())
                    : message.receivedAt();
            boolean changed = store.record(
                    connection.tenantId(),
                    message.channel(),
                    message.customer().value(),
                    change.optsOut(),
                    asOf.truncatedTo(ChronoUnit.MILLIS),
                    ingested.messageId());
            String channel = MetricTags.tag(message.channel());
            meters.counter(
                            "touchpoint.channel.consent.changes",
                            "channel",
                            channel,
                            "change",
                            MetricTags.tag(change),
                            "outcome",
                            changed ? "recorded" : "superseded")
                    .increment();
            log.info(
                    "{} consent {} by message {} on {}: {}",
                    channel,
                    MetricTags.tag(change),
                    ingested.messageId(),
                    connection.id(),
                    changed ? "recorded" : "superseded by a later change");
        });
        return keyword;
    }
}
