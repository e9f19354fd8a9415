package io.touchpoint.channel.application.outbound;

import io.micrometer.core.instrument.MeterRegistry;
import io.touchpoint.channel.application.MetricTags;
import io.touchpoint.channel.domain.connection.ChannelConnection;
import io.touchpoint.channel.domain.outbound.OutboundDelivery;
import io.touchpoint.channel.domain.outbound.OutboundDelivery.Change;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Applies providers' status receipts to outbound messages: {@code delivered} publishes {@code message.delivered},
 * {@code failed} publishes {@code message.failed}, in the same write as the state change. Receipts only move a message
 * forward, so repeated, late and out-of-order receipts change nothing.
 */
@Service
public class DeliveryTracking implements DeliveryReceipts {

    private static final Logger log = LoggerFactory.getLogger(DeliveryTracking.class);

    /** Concurrent receipts for one message (delivered and read in the same second) race for its version. */
    private static final int MAX_CONFLICTS = 5;

    private final OutboundMessageStore store;

    private final MeterRegistry meters;

    private final Clock clock;

    public DeliveryTracking(OutboundMessageStore store, MeterRegistry meters, Clock clock) {
        this.store = store;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public void record(ChannelConnection connection, DeliveryReceipt receipt) {
        String outcome = apply(connection, receipt);
        meters.counter(
                        "touchpoint.channel.outbound.receipts",
                        "channel",
                        MetricTags.tag(connection.kind()),
                        "status",
                        MetricTags.tag(receipt.status()),
                        "outcome",
                        outcome)
                .increment();
    }

    private String apply(ChannelConnection connection, DeliveryReceipt receipt) {
        for (int i = 0; i < MAX_CONFLICTS; i++) {
            Optional<OutboundDelivery> found = store.findByProviderMessageId(
                            connection.id(), receipt.providerMessageId())
                    .filter(delivery -> delivery.message().tenantId().equals(connection.tenantId()));
            if (found.isEmpty()) {
                log.debug(
                        "{} receipt for unknown message {} on {}",
                        receipt.status(),
                        receipt.providerMessageId(),
                        connection.id());
                return "unknown";
            }
            OutboundDelivery delivery = found.get();
            Optional<Change> change = delivery.received(
                    receipt.status(),
                    receipt.providerErrorCode(),
                    receipt.errorMessage(),
                    receipt.at(),
                    clock.instant());
            if (change.isEmpty()) {
                return "ignored";
            }
            if (store.update(change.get(), delivery.version())) {
                log.info(
                        "outbound message {} of tenant {} is {} ({} receipt)",
                        delivery.id(),
                        connection.tenantId(),
                        change.get().delivery().state(),
                        receipt.status());
                return "applied";
            }
        }
        log.warn(
                "receipt for {} on {} lost {} races; dropped",
                receipt.providerMessageId(),
                connection.id(),
                MAX_CONFLICTS);
        return "conflict";
    }
}
