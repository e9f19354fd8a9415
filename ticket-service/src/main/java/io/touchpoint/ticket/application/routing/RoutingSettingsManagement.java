package io.touchpoint.ticket.application.routing;

import io.touchpoint.starter.problem.PreconditionFailedException;
import io.touchpoint.ticket.domain.InvalidFieldException;
import io.touchpoint.ticket.domain.routing.RoutingSettings;
import io.touchpoint.ticket.domain.routing.TriageRule;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/** Reading and replacing a tenant's routing settings; a tenant that never saved any routes nothing. */
@Service
public class RoutingSettingsManagement {

    private final RoutingSettingsStore store;

    private final TeamStore teams;

    private final Clock clock;

    public RoutingSettingsManagement(RoutingSettingsStore store, TeamStore teams, Clock clock) {
        this.store = store;
        this.teams = teams;
        this.clock = clock;
    }

    public RoutingSettings get(String tenantId) {
        return store.find(tenantId).orElseGet(() -> RoutingSettings.defaults(tenantId));
    }

    /**
     * Replaces the settings, with the triage rules in the order given.
     *
     * @param expectedVersion the version the caller read ({@code If-Match}; 0 for none saved), or null to replace
     *     whatever is stored
     */
    public RoutingSettings replace(
            String tenantId, boolean botFirst, String defaultTeamId, List<TriageRule> rules, Long expectedVersion) {
        RoutingSettings current = get(tenantId);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new PreconditionFailedException(
                    "The routing settings are at version " + current.version() + ", not " + expectedVersion + ".");
        }
        Instant now = clock.instant();
        RoutingSettings replaced = new RoutingSettings(
                tenantId,
                botFirst,
                defaultTeamId,
                rules,
                current.version() + 1,
                current.createdAt() != null ? current.createdAt() : now,
                now);
        for (String teamId : replaced.teamIds()) {
            if (teams.find(tenantId, teamId).isEmpty()) {
                throw new InvalidFieldException(
                        teamId.equals(defaultTeamId) ? "defaultTeamId" : "triageRules.then.teamId",
                        "no team " + teamId);
            }
        }
        if (!store.save(replaced, current.version())) {
            throw new PreconditionFailedException("The routing settings changed while they were being written.");
        }
        return replaced;
    }
}
