package io.touchpoint.events.ticket;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.touchpoint.events.Actor;
import io.touchpoint.events.EventPayload;
import java.time.Instant;

/**
 * A ticket was given to a team, and possibly to an agent of that team.
 *
 * @param ticketId the ticket, {@code tkt_…}
 * @param teamId the team it is now with
 * @param assigneeId the agent it is now with; absent when it waits in the team's queue
 * @param previousTeamId the team it was with, if any
 * @param previousAssigneeId the agent it was with, if any
 * @param reason why it was assigned
 * @param assignedBy who assigned it
 * @param assignedAt when
 */
public record TicketAssigned(
        String ticketId,
        String teamId,
        String assigneeId,
        String previousTeamId,
        String previousAssigneeId,
        Reason reason,
        Actor assignedBy,
        Instant assignedAt)
        implements EventPayload {

    @Override
    public String subject() {
        return this.ticketId;
    }

    public enum Reason {
        @JsonProperty("routing_rule")
        ROUTING_RULE,
        @JsonProperty("manual")
        MANUAL,
        @JsonProperty("escalation")
        ESCALATION,
        @JsonProperty("rebalancing")
        REBALANCING
    }
}
