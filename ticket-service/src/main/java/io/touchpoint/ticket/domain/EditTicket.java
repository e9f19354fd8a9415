package io.touchpoint.ticket.domain;

import io.touchpoint.events.ticket.Priority;
import java.util.List;
import java.util.Map;

/**
 * A partial change of a ticket's working fields; null fields stay as they are.
 *
 * @param tags the new set of tags, replacing the old one
 * @param customFields the fields to set; a field mapped to null is removed, fields not named stay
 * @param teamId the team to assign to, or {@link Patch#clear()} to unassign
 * @param assigneeId the agent to assign to, or {@link Patch#clear()} to put the ticket back in its team's queue
 */
public record EditTicket(
        String title,
        Priority priority,
        List<String> tags,
        Map<String, FieldValue> customFields,
        Patch<String> teamId,
        Patch<String> assigneeId) {}
