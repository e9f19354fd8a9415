package io.touchpoint.channel.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.touchpoint.channel.domain.outbound.DeliveryFailure;
import io.touchpoint.channel.domain.outbound.DeliveryStep;
import io.touchpoint.channel.domain.outbound.OutboundDelivery;
import io.touchpoint.channel.domain.outbound.OutboundMessage;
import io.touchpoint.channel.domain.outbound.OutboundState;
import io.touchpoint.events.Channel;
import io.touchpoint.events.Handle;
import io.touchpoint.events.MessageContent;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An outbound message with its delivery state ({@code queued}, {@code retrying}, {@code sent}, {@code delivered},
 * {@code read}, {@code failed}) and history; {@code direction} is always {@code outbound}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record OutboundMessageResponse(
        String id,
        String direction,
        String connectionId,
        Channel channel,
        Handle recipient,
        MessageContent content,
        String replyId,
        String surveyId,
        String ticketId,
        String conversationId,
        String inReplyTo,
        String state,
        int attempts,
        Instant nextAttemptAt,
        String providerMessageId,
        Error error,
        List<Step> history,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static OutboundMessageResponse of(OutboundDelivery delivery) {
        OutboundMessage message = delivery.message();
        DeliveryFailure failure = delivery.failure();
        return new OutboundMessageResponse(
                message.id(),
                "outbound",
                message.connectionId(),
                message.channel(),
                message.recipient(),
                message.content(),
                message.replyId(),
                message.surveyId(),
                message.ticketId(),
                message.conversationId(),
                message.inReplyTo(),
                name(delivery.state()),
                delivery.attempts(),
                delivery.nextAttemptAt(),
                delivery.providerMessageId(),
                failure != null ? new Error(failure.errorCode(), failure.providerErrorCode(), failure.message()) : null,
                delivery.history().stream().map(Step::of).toList(),
                delivery.version(),
                delivery.createdAt(),
                delivery.updatedAt());
    }

    private static String name(OutboundState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    /** Why the message failed: Touchpoint's code, the provider's, and a description without personal data. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Error(String code, String providerCode, String message) {}

    /** One step of the delivery history. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Step(String state, Instant at, int attempt, String errorCode, String providerErrorCode, String detail) {

        static Step of(DeliveryStep step) {
            return new Step(
                    name(step.state()),
                    step.at(),
                    step.attempt(),
                    step.errorCode(),
                    step.providerErrorCode(),
                    step.detail());
        }
    }
}
