package io.touchpoint.channel.application.inbound;

import io.touchpoint.channel.domain.inbound.InboundMessage;
import io.touchpoint.events.interaction.InteractionReceived;
import java.util.Optional;

/** Where inbound messages are kept, each with its {@code interaction.received} event in the same write. */
public interface InboundMessageStore {

    /**
     * Stores the message and its event in one document write, unless the tenant already has a message with the same
     * channel and provider message id.
     *
     * @return the id of the message already stored for that key, or empty if this one was stored now
     */
    Optional<String> insertIfAbsent(
            String tenantId, String connectionId, InteractionReceived event, InboundMessage message);

    Optional<StoredInboundMessage> find(String tenantId, String id);

    /** An inbound message as it was stored. */
    record StoredInboundMessage(String id, String tenantId, String connectionId, InboundMessage message) {}
}
