package io.touchpoint.channel.domain.outbound;

/** How far an outbound message got, as its provider reports it; later states follow earlier ones. */
public enum DeliveryStatus {
    /** The provider accepted it and handed it on towards the customer's device. */
    SENT,
    /** It reached the customer's device. */
    DELIVERED,
    /** The customer opened it. */
    READ,
    /** The provider gave up on it; the receipt says why. */
    FAILED
}
