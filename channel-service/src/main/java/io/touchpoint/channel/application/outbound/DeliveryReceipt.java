package io.touchpoint.channel.application.outbound;

import io.touchpoint.channel.domain.outbound.DeliveryStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * What a provider reported about one outbound message it was given.
 *
 * @param providerMessageId the provider's id of the outbound message (WhatsApp {@code wamid…}, Messenger {@code mid…})
 * @param providerErrorCode the provider's error code when {@code status} is {@link DeliveryStatus#FAILED}, else null
 * @param errorMessage the provider's explanation of a failure, else null
 * @param at when the provider says it happened
 */
public record DeliveryReceipt(
        String providerMessageId, DeliveryStatus status, String providerErrorCode, String errorMessage, Instant at) {

    public DeliveryReceipt {
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }
}
