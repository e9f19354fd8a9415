package io.touchpoint.channel.domain.inbound;

import io.touchpoint.events.Channel;
import java.time.Duration;
import java.time.Instant;

/**
 * WhatsApp's customer-service window: a business may send free-form messages only within 24 hours of the customer's
 * last message on that number; outside it, only an approved template.
 */
public final class CustomerServiceWindow {

    public static final Duration WHATSAPP = Duration.ofHours(24);

    private CustomerServiceWindow() {}

    /** Whether {@code channel} restricts free-form messages to a window after the customer's last message. */
    public static boolean appliesTo(Channel channel) {
        return channel == Channel.WHATSAPP;
    }

    /**
     * Whether free-form text may be sent at {@code now}.
     *
     * @param lastInbound when the customer last wrote on the connection, or null if never
     */
    public static boolean isOpen(Instant lastInbound, Instant now, Duration length) {
        return lastInbound != null && now.isBefore(lastInbound.plus(length));
    }
}
