package io.touchpoint.ticket.domain.routing;

import io.touchpoint.events.ticket.Priority;
import io.touchpoint.ticket.domain.Tags;
import java.util.List;

/**
 * What a triage rule does to a new ticket.
 *
 * @param priority the priority to set, if any
 * @param tags tags to add
 * @param teamId the team whose queue the ticket goes to when a person takes it
 * @param skills skills the agent needs, on top of those the ticket's tags call for
 * @param escalate whether the ticket skips the bot and goes to a person at once
 */
public record TriageActions(
        Priority priority, List<String> tags, String teamId, List<String> skills, boolean escalate) {

    public TriageActions {
        tags = tags != null ? Tags.normalize(tags) : List.of();
        skills = Skills.normalize(skills, "then.skills");
    }
}
