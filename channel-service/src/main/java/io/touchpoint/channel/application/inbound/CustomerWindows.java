package io.touchpoint.channel.application.inbound;

import java.time.Instant;
import java.util.Optional;

/**
 * When each customer last wrote on each connection, kept per {@code (tenant, connection, handle)} so that the
 * WhatsApp 24-hour window is one read by key at send time.
 */
public interface CustomerWindows {

    /** Records that the customer wrote at {@code at}; an older time than the one recorded changes nothing. */
    void customerWrote(String tenantId, String connectionId, String handleValue, Instant at);

    Optional<Instant> lastCustomerMessage(String tenantId, String connectionId, String handleValue);
}
