package io.touchpoint.ticket.domain.routing;

import io.touchpoint.ticket.domain.InvalidFieldException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A group of agents that works one queue of tickets.
 *
 * @param id {@code tem_…}
 * @param skills the skills this team routes on: a ticket tagged with one of them needs an agent who has it
 * @param tier 1 for first-line support; escalation moves a ticket to a team of a higher tier
 * @param strategy how the team picks an agent for a ticket
 * @param version incremented on every change; the resource's ETag
 */
public record Team(
        String id,
        String tenantId,
        String name,
        List<String> skills,
        int tier,
        AssignmentStrategy strategy,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static final String ID_PREFIX = "tem";

    public static final int MAX_NAME_LENGTH = 100;

    public static final int MAX_TIER = 10;

    public Team {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME_LENGTH) {
            throw new InvalidFieldException("name", "must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        name = name.strip();
        skills = Skills.normalize(skills, "skills");
        if (tier < 1 || tier > MAX_TIER) {
            throw new InvalidFieldException("tier", "must be 1 to " + MAX_TIER);
        }
        strategy = strategy != null ? strategy : AssignmentStrategy.ROUND_ROBIN;
    }

    /**
     * The skills an agent of this team needs for a ticket: those named for it (by a triage rule), and each of the
     * ticket's tags that this team routes on.
     */
    public Set<String> requiredSkills(Collection<String> ticketTags, Collection<String> named) {
        Set<String> required = new TreeSet<>(named);
        ticketTags.stream().filter(skills::contains).forEach(required::add);
        return required;
    }
}
