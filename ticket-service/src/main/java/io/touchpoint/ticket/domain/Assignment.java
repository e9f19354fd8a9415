package io.touchpoint.ticket.domain;

/**
 * Who works on a ticket: a team, and possibly an agent of that team.
 *
 * @param teamId the team, absent while the ticket is unrouted
 * @param assigneeId the agent; absent while the ticket waits in the team's queue
 */
public record Assignment(String teamId, String assigneeId) {

    public static final Assignment NONE = new Assignment(null, null);

    public Assignment {
        if (assigneeId != null && teamId == null) {
            throw new InvalidFieldException("teamId", "an agent is assigned within a team: set teamId too");
        }
    }
}
