package io.touchpoint.events.ticket;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What an SLA target measures. */
public enum SlaMetric {
    /** Time from the ticket's creation to the first public agent reply. */
    @JsonProperty("first_response")
    FIRST_RESPONSE,
    /** Time from a customer's message to the next public agent reply. */
    @JsonProperty("next_response")
    NEXT_RESPONSE,
    /** Time from the ticket's creation to its resolution. */
    @JsonProperty("resolution")
    RESOLUTION
}
