package io.touchpoint.ticket.domain.routing;

import io.touchpoint.ticket.domain.InvalidFieldException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a tenant's new tickets find a person.
 *
 * @param botFirst whether the bot answers a new conversation first and hands it to a person only when needed; off, a
 *     new ticket goes straight to its team's queue. Off until a tenant turns it on: turning it on for everyone would
 *     start messaging every tenant's customers.
 * @param defaultTeamId the team a ticket goes to when no triage rule names one
 * @param triageRules applied in order to the message that opens a ticket
 * @param version 0 while the tenant has not saved settings of its own; the resource's ETag
 */
public record RoutingSettings(
        String tenantId,
        boolean botFirst,
        String defaultTeamId,
        List<TriageRule> triageRules,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static final int MAX_RULES = 100;

    public RoutingSettings {
        Objects.requireNonNull(tenantId, "tenantId");
        triageRules = List.copyOf(triageRules != null ? triageRules : List.of());
        if (triageRules.size() > MAX_RULES) {
            throw new InvalidFieldException("triageRules", "at most " + MAX_RULES + " rules");
        }
        Set<String> ids = new HashSet<>();
        for (TriageRule rule : triageRules) {
            if (!ids.add(rule.id())) {
                throw new InvalidFieldException("triageRules.id", "rule " + rule.id() + " is listed twice");
            }
        }
    }

    public static RoutingSettings defaults(String tenantId) {
        return new RoutingSettings(tenantId, false, null, List.of(), 0, null, null);
    }

    /** Whether the tenant configured routing at all; a tenant that did not is left as tickets were before. */
    public boolean configured() {
        return version > 0;
    }

    /** The teams the settings name, to check that they exist. */
    public Set<String> teamIds() {
        Set<String> teams = new HashSet<>();
        if (defaultTeamId != null) {
            teams.add(defaultTeamId);
        }
        triageRules.stream()
                .map(rule -> rule.then().teamId())
                .filter(Objects::nonNull)
                .forEach(teams::add);
        return teams;
    }
}
