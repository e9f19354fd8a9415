package io.touchpoint.channel.persistence.outbound;

import io.touchpoint.channel.domain.outbound.DeliveryFailure;
import io.touchpoint.channel.domain.outbound.DeliveryStep;
import io.touchpoint.channel.domain.outbound.OutboundMessage.Template;
import io.touchpoint.channel.domain.outbound.OutboundState;
import io.touchpoint.events.Channel;
import io.touchpoint.events.Handle;
import io.touchpoint.events.MessageContent;
import io.touchpoint.starter.outbox.OutboxEvent;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An outbound message as stored: what it says, its delivery state and history, and the {@code message.delivered} /
 * {@code message.failed} events of its last changes waiting in {@code outbox} for the relay. The {@code _id} is derived
 * from the reply or survey it carries, which is what makes a redelivered request store nothing.
 *
 * @param providerKey {@code connectionId|providerMessageId} once the provider accepted it: the unique key provider
 *     receipts find it by (sparse, so messages not sent yet do not collide)
 */
@Document(OutboundMessageDocument.COLLECTION)
record OutboundMessageDocument(
        @Id String id,
        String tenantId,
        String connectionId,
        Channel channel,
        Handle recipient,
        MessageContent content,
        Template template,
        String inReplyTo,
        List<String> references,
        String replyId,
        String surveyId,
        String ticketId,
        String conversationId,
        String language,
        OutboundState state,
        int attempts,
        Instant nextAttemptAt,
        String providerMessageId,
        @Indexed(name = "provider_key", unique = true, sparse = true) String providerKey,
        DeliveryFailure failure,
        List<DeliveryStep> history,
        long version,
        Instant createdAt,
        Instant updatedAt,
        List<OutboxEvent> outbox) {

    static final String COLLECTION = "outbound_messages";

    static String providerKey(String connectionId, String providerMessageId) {
        return providerMessageId == null ? null : connectionId + "|" + providerMessageId;
    }
}
