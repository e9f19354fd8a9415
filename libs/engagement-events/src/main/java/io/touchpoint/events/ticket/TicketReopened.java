package io.touchpoint.events.ticket;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.touchpoint.events.Actor;
import io.touchpoint.events.EventPayload;
import java.time.Instant;

/**
 * A resolved ticket was opened again.
 *
 * @param ticketId the ticket, {@code tkt_…}
 * @param reason why
 * @param interactionId the customer's message that reopened it ({@code msg_…}), when {@code reason} is a reply
 * @param reopenedBy who reopened it
 * @param previouslyResolvedAt when it had been resolved
 * @param reopenCount how many times it has been reopened, this time included
 * @param reopenedAt when
 */
public record TicketReopened(
        String ticketId,
        Reason reason,
        String interactionId,
        Actor reopenedBy,
        Instant previouslyResolvedAt,
        int reopenCount,
        Instant reopenedAt)
        implements EventPayload {

    @Override
    public String subject() {
        return this.ticketId;
    }

    public enum Reason {
        @JsonProperty("customer_reply")
        CUSTOMER_REPLY,
        @JsonProperty("agent")
        AGENT,
        @JsonProperty("negative_feedback")
        NEGATIVE_FEEDBACK
    }
}
