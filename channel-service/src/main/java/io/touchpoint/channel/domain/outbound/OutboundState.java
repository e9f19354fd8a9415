package io.touchpoint.channel.domain.outbound;

/**
 * Where an outbound message is on its way to the customer. {@code QUEUED → SENT → DELIVERED → READ}, with
 * {@code RETRYING} between attempts and {@code FAILED} when sending is given up or the provider reports a failure.
 */
public enum OutboundState {
    /** Stored, not tried yet. */
    QUEUED,
    /** An attempt failed transiently; the next one is due at the message's {@code nextAttemptAt}. */
    RETRYING,
    /** The provider accepted it. */
    SENT,
    /** The provider reports it reached the customer's device. */
    DELIVERED,
    /** The provider reports the customer opened it. */
    READ,
    /** Given up: refused before sending, refused by the provider, out of attempts, or reported failed. */
    FAILED;

    /** Whether the delivery worker still has to send it. */
    public boolean isPending() {
        return this == QUEUED || this == RETRYING;
    }

    /** How far along the happy path the state is; receipts only ever move a message forward. */
    int rank() {
        return switch (this) {
            case QUEUED, RETRYING -> 0;
            case SENT -> 1;
            case DELIVERED -> 2;
            case READ -> 3;
            case FAILED -> 4;
        };
    }
}
