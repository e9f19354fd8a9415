package io.touchpoint.ticket.application.routing;

import io.touchpoint.starter.problem.ConflictException;
import io.touchpoint.starter.problem.NotFoundException;
import io.touchpoint.starter.problem.PreconditionFailedException;
import io.touchpoint.ticket.application.TicketSearch;
import io.touchpoint.ticket.application.TicketStore;
import io.touchpoint.ticket.domain.Ids;
import io.touchpoint.ticket.domain.TicketStatus;
import io.touchpoint.ticket.domain.routing.AssignmentStrategy;
import io.touchpoint.ticket.domain.routing.Team;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.springframework.stereotype.Service;

/** A tenant's teams: each works one queue, with its skills, tier and assignment strategy. */
@Service
public class Teams {

    private final TeamStore store;

    private final AgentStore agents;

    private final RoutingSettingsStore settings;

    private final TicketStore tickets;

    private final Clock clock;

    public Teams(TeamStore store, AgentStore agents, RoutingSettingsStore settings, TicketStore tickets, Clock clock) {
        this.store = store;
        this.agents = agents;
        this.settings = settings;
        this.tickets = tickets;
        this.clock = clock;
    }

    public Team create(String tenantId, TeamFields fields) {
        Instant now = clock.instant();
        Team team = new Team(
                Ids.next(Team.ID_PREFIX),
                tenantId,
                fields.name(),
                fields.skills(),
                fields.tier() != null ? fields.tier() : 1,
                fields.strategy(),
                1,
                now,
                now);
        store.insert(team);
        return team;
    }

    /** The team, or 404 when it does not exist or belongs to another tenant. */
    public Team get(String tenantId, String id) {
        return store.find(tenantId, id).orElseThrow(() -> notFound(id));
    }

    public List<Team> page(String tenantId, String after, int limit) {
        return store.page(tenantId, after, limit);
    }

    /**
     * Changes the fields of {@code change} that are set.
     *
     * @param expectedVersion the version the caller read ({@code If-Match}), or null to change whatever is stored
     */
    public Team update(String tenantId, String id, TeamFields change, Long expectedVersion) {
        Team current = get(tenantId, id);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new PreconditionFailedException(
                    "Team " + id + " is at version " + current.version() + ", not " + expectedVersion + ".");
        }
        Team updated = new Team(
                id,
                tenantId,
                change.name() != null ? change.name() : current.name(),
                change.skills() != null ? change.skills() : current.skills(),
                change.tier() != null ? change.tier() : current.tier(),
                change.strategy() != null ? change.strategy() : current.strategy(),
                current.version() + 1,
                current.createdAt(),
                clock.instant());
        if (!store.replace(updated, current.version())) {
            throw new PreconditionFailedException("Team " + id + " changed while it was being updated.");
        }
        return updated;
    }

    /** Deletes a team nobody belongs to, no routing setting names and no open ticket is with. */
    public void delete(String tenantId, String id) {
        get(tenantId, id);
        if (!agents.members(tenantId, id).isEmpty()) {
            throw new ConflictException(
                    "team_has_members", "Team " + id + " still has agents; move them to other teams first.");
        }
        if (settings.find(tenantId)
                .map(routing -> routing.teamIds().contains(id))
                .orElse(false)) {
            throw new ConflictException(
                    "team_in_use", "The routing settings send tickets to team " + id + "; change them first.");
        }
        var open = new TicketSearch(
                tenantId,
                EnumSet.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.ON_HOLD),
                null,
                null,
                null,
                id,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false);
        if (!tickets.search(open, 1).isEmpty()) {
            throw new ConflictException(
                    "team_has_tickets", "Team " + id + " still has open tickets; transfer them first.");
        }
        store.delete(tenantId, id);
    }

    static NotFoundException notFound(String id) {
        return new NotFoundException("team_not_found", "No team " + id + ".");
    }

    /** The fields of a team; in an update, null fields stay as they are. */
    public record TeamFields(String name, List<String> skills, Integer tier, AssignmentStrategy strategy) {}
}
