package io.touchpoint.channel.persistence.inbound;

import io.touchpoint.events.Channel;
import io.touchpoint.events.Handle;
import io.touchpoint.events.MessageContent;
import io.touchpoint.events.interaction.InteractionReceived.ThreadHints;
import io.touchpoint.starter.outbox.OutboxEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An inbound message as stored, with its {@code interaction.received} event waiting in {@code outbox} until the relay
 * has published it. The unique index on {@code (tenantId, channel, providerMessageId)} is what makes a provider's
 * retry, or three concurrent deliveries of one webhook, store one message.
 */
@Document(InboundMessageDocument.COLLECTION)
@CompoundIndex(name = "dedupe", def = "{'tenantId': 1, 'channel': 1, 'providerMessageId': 1}", unique = true)
record InboundMessageDocument(
        @Id String id,
        String tenantId,
        String connectionId,
        Channel channel,
        String providerMessageId,
        Handle customer,
        ThreadHints thread,
        MessageContent content,
        String language,
        Map<String, String> metadata,
        Instant receivedAt,
        List<OutboxEvent> outbox) {

    static final String COLLECTION = "inbound_messages";
}
