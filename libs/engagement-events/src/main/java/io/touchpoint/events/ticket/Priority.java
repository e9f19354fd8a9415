package io.touchpoint.events.ticket;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How urgent a ticket is; SLA targets depend on it. */
public enum Priority {
    @JsonProperty("low")
    LOW,
    @JsonProperty("normal")
    NORMAL,
    @JsonProperty("high")
    HIGH,
    @JsonProperty("urgent")
    URGENT
}
