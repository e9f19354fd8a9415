package io.touchpoint.events.ticket;

import io.touchpoint.events.EventPayload;
import java.time.Instant;

/**
 * An SLA target of a ticket passed without being met.
 *
 * @param ticketId the ticket, {@code tkt_…}
 * @param policyId the SLA policy whose target was missed
 * @param metric which target
 * @param priority the ticket's priority at the time
 * @param teamId the team it was with, if any
 * @param assigneeId the agent it was with, if any
 * @param dueAt when the target was due
 * @param breachedAt when the breach was detected
 */
public record TicketSlaBreached(
        String ticketId,
        String policyId,
        SlaMetric metric,
        Priority priority,
        String teamId,
        String assigneeId,
        Instant dueAt,
        Instant breachedAt)
        implements EventPayload {

    @Override
    public String subject() {
        return this.ticketId;
    }
}
