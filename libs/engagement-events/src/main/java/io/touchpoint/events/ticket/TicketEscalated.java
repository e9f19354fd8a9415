package io.touchpoint.events.ticket;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.touchpoint.events.Actor;
import io.touchpoint.events.EventPayload;
import java.time.Instant;

/**
 * A ticket was escalated: raised a level, usually with a higher priority and often to another team.
 *
 * @param ticketId the ticket, {@code tkt_…}
 * @param level the escalation level it is now at, 1 for the first escalation
 * @param previousPriority its priority before
 * @param priority its priority now
 * @param previousTeamId the team it was with, if any
 * @param teamId the team it is with now, if any
 * @param assigneeId the agent it is with now, if any
 * @param reason why it was escalated
 * @param ruleId the escalation rule that fired, when {@code reason} is a rule or an SLA breach
 * @param escalatedBy who escalated it
 * @param note the agent's note, if any
 * @param escalatedAt when
 */
public record TicketEscalated(
        String ticketId,
        int level,
        Priority previousPriority,
        Priority priority,
        String previousTeamId,
        String teamId,
        String assigneeId,
        Reason reason,
        String ruleId,
        Actor escalatedBy,
        String note,
        Instant escalatedAt)
        implements EventPayload {

    @Override
    public String subject() {
        return this.ticketId;
    }

    public enum Reason {
        @JsonProperty("sla_breach")
        SLA_BREACH,
        @JsonProperty("rule")
        RULE,
        @JsonProperty("manual")
        MANUAL,
        @JsonProperty("customer_request")
        CUSTOMER_REQUEST
    }
}
