package io.touchpoint.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a customer is reached on a channel, and the identity a profile is resolved by: an email address, an E.164
 * phone number (SMS, WhatsApp), or a channel-scoped id.
 *
 * @param kind what {@code value} is
 * @param value the address or id itself
 * @param displayName the name the channel shows for the customer, if any
 */
public record Handle(Kind kind, String value, String displayName) {

    public static Handle of(Kind kind, String value) {
        return new Handle(kind, value, null);
    }

    public enum Kind {
        @JsonProperty("email")
        EMAIL,
        @JsonProperty("phone")
        PHONE,
        @JsonProperty("web_visitor")
        WEB_VISITOR,
        @JsonProperty("messenger")
        MESSENGER,
        @JsonProperty("instagram")
        INSTAGRAM,
        @JsonProperty("telegram")
        TELEGRAM,
        @JsonProperty("external")
        EXTERNAL
    }
}
