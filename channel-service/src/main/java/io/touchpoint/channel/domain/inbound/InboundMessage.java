package io.touchpoint.channel.domain.inbound;

import io.touchpoint.events.Channel;
import io.touchpoint.events.Handle;
import io.touchpoint.events.MessageContent;
import io.touchpoint.events.interaction.InteractionReceived.ThreadHints;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A customer's message as every channel adapter normalises it, before it is stored.
 *
 * @param providerMessageId the provider's id of the message; with the tenant and channel, the dedupe key
 * @param metadata channel facts worth keeping that the event does not carry (SPF/DKIM results, provider status), no
 *     secrets
 */
public record InboundMessage(
        Channel channel,
        String providerMessageId,
        Handle customer,
        ThreadHints thread,
        MessageContent content,
        String language,
        Map<String, String> metadata,
        Instant receivedAt) {

    /**
     * The prefix of stored inbound messages' ids, the same as outbound messages' ({@code msg_…}): one endpoint reads
     * either by id.
     */
    public static final String ID_PREFIX = "msg";

    public InboundMessage {
        Objects.requireNonNull(channel, "channel");
        requireText(providerMessageId, "providerMessageId");
        Objects.requireNonNull(customer, "customer");
        requireText(customer.value(), "customer.value");
        Objects.requireNonNull(content, "content");
        thread = thread != null ? thread : new ThreadHints(null, null, null, null);
        metadata = Map.copyOf(metadata != null ? metadata : Map.of());
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
