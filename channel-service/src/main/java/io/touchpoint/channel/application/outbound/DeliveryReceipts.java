package io.touchpoint.channel.application.outbound;

import io.touchpoint.channel.domain.connection.ChannelConnection;

/**
 * Delivery tracking of outbound messages: where inbound adapters hand the status notifications providers post to their
 * webhooks (WhatsApp {@code statuses}, Messenger {@code delivery}/{@code read}).
 */
public interface DeliveryReceipts {

    /**
     * Applies {@code receipt} to the outbound message it names on {@code connection}; a receipt for an unknown message
     * or one that was applied before changes nothing.
     */
    void record(ChannelConnection connection, DeliveryReceipt receipt);
}
