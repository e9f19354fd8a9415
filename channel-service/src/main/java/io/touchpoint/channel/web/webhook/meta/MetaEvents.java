package io.touchpoint.channel.web.webhook.meta;

import io.touchpoint.channel.application.outbound.DeliveryReceipt;
import io.touchpoint.channel.domain.inbound.InboundMessage;
import java.util.List;

/**
 * What one Meta webhook POST carries that Touchpoint acts on: customers' messages, and status notifications about
 * messages sent to them. Everything else in the payload (echoes, reactions, other fields) is left out.
 */
record MetaEvents(List<InboundMessage> messages, List<DeliveryReceipt> receipts) {

    MetaEvents {
        messages = List.copyOf(messages);
        receipts = List.copyOf(receipts);
    }
}
