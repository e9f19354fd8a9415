package io.touchpoint.channel.domain.outbound;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an outbound message's delivery history.
 *
 * @param attempt the attempt it belongs to (0 before the first one)
 * @param errorCode Touchpoint's code of a failure, else null
 * @param providerErrorCode the provider's code of a failure, else null
 * @param detail a description without personal data, else null
 */
public record DeliveryStep(
        OutboundState state, Instant at, int attempt, String errorCode, String providerErrorCode, String detail) {

    public DeliveryStep {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
    }

    static DeliveryStep of(OutboundState state, Instant at, int attempt) {
        return new DeliveryStep(state, at, attempt, null, null, null);
    }
}
