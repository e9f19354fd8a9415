package io.touchpoint.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The kind of channel a message came in on or goes out through. */
public enum Channel {
    @JsonProperty("web_chat")
    WEB_CHAT,
    @JsonProperty("email")
    EMAIL,
    @JsonProperty("sms")
    SMS,
    @JsonProperty("whatsapp")
    WHATSAPP,
    @JsonProperty("messenger")
    MESSENGER,
    @JsonProperty("instagram")
    INSTAGRAM,
    @JsonProperty("telegram")
    TELEGRAM,
    @JsonProperty("api")
    API
}
