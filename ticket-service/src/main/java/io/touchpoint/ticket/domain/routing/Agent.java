package io.touchpoint.ticket.domain.routing;

import io.touchpoint.events.Channel;
import io.touchpoint.ticket.domain.InvalidFieldException;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A person who works tickets, as routing sees them. How busy they are and whether they are online is their
 * {@link AgentLoad}, which changes far more often.
 *
 * @param id {@code agt_…}
 * @param principal the API key or JWT subject the agent signs in as, if any: how {@code /agents/me} finds them
 * @param channels the channels they answer; empty for every channel
 * @param capacity how many open tickets they work at once
 * @param teamIds the teams they belong to, the first being their home team
 */
public record Agent(
        String id,
        String tenantId,
        String name,
        String principal,
        List<String> skills,
        Set<Channel> channels,
        int capacity,
        List<String> teamIds,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static final String ID_PREFIX = "agt";

    public static final int MAX_NAME_LENGTH = 200;

    public static final int MAX_CAPACITY = 500;

    public static final int MAX_TEAMS = 20;

    private static final Pattern PRINCIPAL = Pattern.compile("[A-Za-z0-9_.:@|+-]{1,200}");

    public Agent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME_LENGTH) {
            throw new InvalidFieldException("name", "must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        name = name.strip();
        if (principal != null && !PRINCIPAL.matcher(principal).matches()) {
            throw new InvalidFieldException("principal", "must be 1 to 200 letters, digits or _.:@|+-");
        }
        skills = Skills.normalize(skills, "skills");
        channels = channels == null || channels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(channels));
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new InvalidFieldException("capacity", "must be 1 to " + MAX_CAPACITY);
        }
        teamIds = teamIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(teamIds));
        if (teamIds.size() > MAX_TEAMS) {
            throw new InvalidFieldException("teamIds", "an agent belongs to at most " + MAX_TEAMS + " teams");
        }
    }

    public boolean memberOf(String teamId) {
        return teamIds.contains(teamId);
    }

    /** Whether the agent answers customers on {@code channel}. */
    public boolean answers(Channel channel) {
        return channels.isEmpty() || channels.contains(channel);
    }

    public boolean hasSkills(Collection<String> required) {
        return skills.containsAll(required);
    }
}
