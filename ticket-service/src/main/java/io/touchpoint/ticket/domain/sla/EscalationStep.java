package io.touchpoint.ticket.domain.sla;

import io.touchpoint.events.ticket.Priority;
import io.touchpoint.events.ticket.SlaMetric;
import io.touchpoint.ticket.domain.InvalidFieldException;
import java.util.Objects;

/**
 * What an SLA policy does to a ticket when one of its targets reaches {@code on}. Every step that fires is announced as
 * {@code ticket.escalated}, which is how people and partner systems are notified; it may also raise the ticket's
 * priority and hand it to another team (a higher support tier). A step with neither only notifies.
 *
 * @param metric the target it watches; null for every target of the policy
 * @param raisePriorityTo the priority the ticket is raised to, if it is lower; null to keep it
 * @param teamId the team the ticket moves to, back into its queue (unassigned); null to keep it where it is
 */
public record EscalationStep(SlaTrigger on, SlaMetric metric, Priority raisePriorityTo, String teamId) {

    public static final int MAX_TEAM_ID_LENGTH = 128;

    public EscalationStep {
        if (on == null) {
            throw new InvalidFieldException("escalations.on", "must be warning or breach");
        }
        if (teamId != null && (teamId.isBlank() || teamId.length() > MAX_TEAM_ID_LENGTH)) {
            throw new InvalidFieldException("escalations.teamId", "must be 1 to " + MAX_TEAM_ID_LENGTH + " characters");
        }
    }

    /** Whether this step fires when {@code metric} reaches {@code trigger}. */
    public boolean firesOn(SlaTrigger trigger, SlaMetric metric) {
        return on == trigger && (this.metric == null || Objects.equals(this.metric, metric));
    }
}
