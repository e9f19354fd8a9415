package io.touchpoint.events.ticket;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.touchpoint.events.Actor;
import io.touchpoint.events.Channel;
import io.touchpoint.events.EventPayload;
import io.touchpoint.events.Handle;
import java.time.Instant;

/**
 * A ticket was resolved. Carries what feedback-service needs to ask the customer for a rating on the same
 * channel without calling ticket-service.
 *
 * @param ticketId the ticket, {@code tkt_…}
 * @param conversationId its conversation, {@code cnv_…}
 * @param profileId the customer's profile, if resolved
 * @param channel the channel the customer is on
 * @param connectionId the channel connection replies went through
 * @param requester the customer
 * @param language the conversation's language (BCP 47), if known
 * @param teamId the team that resolved it, if any
 * @param assigneeId the agent that resolved it, if any
 * @param resolution how it ended
 * @param resolvedBy who resolved it
 * @param firstResponseSeconds time to the first agent reply, in business seconds; absent if there was none
 * @param resolutionSeconds time from creation to resolution, in business seconds
 * @param reopenCount how many times it had been reopened before
 * @param resolvedAt when
 */
public record TicketResolved(
        String ticketId,
        String conversationId,
        String profileId,
        Channel channel,
        String connectionId,
        Handle requester,
        String language,
        String teamId,
        String assigneeId,
        Resolution resolution,
        Actor resolvedBy,
        Long firstResponseSeconds,
        long resolutionSeconds,
        int reopenCount,
        Instant resolvedAt)
        implements EventPayload {

    @Override
    public String subject() {
        return this.ticketId;
    }

    public enum Resolution {
        @JsonProperty("solved")
        SOLVED,
        @JsonProperty("duplicate")
        DUPLICATE,
        @JsonProperty("no_response")
        NO_RESPONSE,
        @JsonProperty("spam")
        SPAM
    }
}
