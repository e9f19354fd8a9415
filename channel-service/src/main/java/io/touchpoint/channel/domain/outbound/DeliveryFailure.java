package io.touchpoint.channel.domain.outbound;

import java.util.Objects;

/**
 * Why an outbound message was given up.
 *
 * @param errorCode Touchpoint's code: {@code opted_out}, {@code window_closed}, {@code invalid_recipient},
 *     {@code provider_unavailable}, …
 * @param providerErrorCode the provider's own code, if it gave one
 * @param message a description without personal data
 */
public record DeliveryFailure(String errorCode, String providerErrorCode, String message) {

    public static final String OPTED_OUT = "opted_out";

    public static final String WINDOW_CLOSED = "window_closed";

    public static final String CONNECTION_UNAVAILABLE = "connection_unavailable";

    public static final String UNSUPPORTED_CHANNEL = "unsupported_channel";

    public DeliveryFailure {
        Objects.requireNonNull(errorCode, "errorCode");
    }
}
