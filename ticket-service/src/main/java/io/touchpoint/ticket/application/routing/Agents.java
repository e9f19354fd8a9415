package io.touchpoint.ticket.application.routing;

import io.touchpoint.events.Channel;
import io.touchpoint.starter.problem.ConflictException;
import io.touchpoint.starter.problem.NotFoundException;
import io.touchpoint.starter.problem.PreconditionFailedException;
import io.touchpoint.ticket.domain.Ids;
import io.touchpoint.ticket.domain.InvalidFieldException;
import io.touchpoint.ticket.domain.routing.Agent;
import io.touchpoint.ticket.domain.routing.AgentLoad;
import io.touchpoint.ticket.domain.routing.Presence;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A tenant's agents: their skills, channels, capacity and teams, and their presence. An agent coming online, getting
 * more capacity or joining a team pulls the waiting tickets of their teams.
 */
@Service
public class Agents {

    private static final Logger log = LoggerFactory.getLogger(Agents.class);

    private final AgentStore store;

    private final AgentLoadStore loads;

    private final TeamStore teams;

    private final TicketAssignment assignment;

    private final Clock clock;

    public Agents(AgentStore store, AgentLoadStore loads, TeamStore teams, TicketAssignment assignment, Clock clock) {
        this.store = store;
        this.loads = loads;
        this.teams = teams;
        this.assignment = assignment;
        this.clock = clock;
    }

    public Agent create(String tenantId, AgentFields fields) {
        Instant now = clock.instant();
        Agent agent = new Agent(
                Ids.next(Agent.ID_PREFIX),
                tenantId,
                fields.name(),
                fields.principal(),
                fields.skills(),
                fields.channels(),
                fields.capacity() != null ? fields.capacity() : 5,
                fields.teamIds(),
                1,
                now,
                now);
        requireTeams(tenantId, agent.teamIds());
        if (!store.insert(agent)) {
            throw new PrincipalTakenException(agent.principal());
        }
        loads.createIfAbsent(tenantId, AgentLoad.of(agent));
        return agent;
    }

    /** The agent, or 404 when it does not exist or belongs to another tenant. */
    public Agent get(String tenantId, String id) {
        return store.find(tenantId, id).orElseThrow(() -> notFound(id));
    }

    public Optional<Agent> find(String tenantId, String id) {
        return store.find(tenantId, id);
    }

    /**
     * The agent a caller signs in as: the agent whose {@code principal} it is, else the agent whose id it is; 404 when
     * the caller is no agent of the tenant.
     */
    public Agent me(String tenantId, String principal) {
        return store.findByPrincipal(tenantId, principal)
                .or(() -> principal.startsWith(Agent.ID_PREFIX + "_")
                        ? store.find(tenantId, principal)
                        : Optional.empty())
                .orElseThrow(() -> new NotFoundException(
                        "agent_not_found", "The caller (" + principal + ") is not an agent of this tenant."));
    }

    public List<Agent> page(String tenantId, String teamId, String after, int limit) {
        return store.page(tenantId, teamId, after, limit);
    }

    /** The agent's presence and held tickets; offline and empty for an agent that never had any. */
    public AgentLoad load(String tenantId, Agent agent) {
        return loads.find(tenantId, agent.id()).orElseGet(() -> AgentLoad.of(agent));
    }

    /**
     * Changes the fields of {@code change} that are set.
     *
     * @param expectedVersion the version the caller read ({@code If-Match}), or null to change whatever is stored
     */
    public Agent update(String tenantId, String id, AgentFields change, Long expectedVersion) {
        Agent current = get(tenantId, id);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new PreconditionFailedException(
                    "Agent " + id + " is at version " + current.version() + ", not " + expectedVersion + ".");
        }
        Agent updated = new Agent(
                id,
                tenantId,
                change.name() != null ? change.name() : current.name(),
                change.principal() != null ? change.principal() : current.principal(),
                change.skills() != null ? change.skills() : current.skills(),
                change.channels() != null ? change.channels() : current.channels(),
                change.capacity() != null ? change.capacity() : current.capacity(),
                change.teamIds() != null ? change.teamIds() : current.teamIds(),
                current.version() + 1,
                current.createdAt(),
                clock.instant());
        requireTeams(tenantId, updated.teamIds());
        if (!store.replace(updated, current.version())) {
            throw new PreconditionFailedException("Agent " + id + " changed while it was being updated.");
        }
        loads.setCapacity(tenantId, id, updated.capacity());
        if (updated.capacity() > current.capacity()
                || !current.teamIds().containsAll(updated.teamIds())
                || !current.skills().containsAll(updated.skills())
                || !current.channels().equals(updated.channels())) {
            assignment.pullFor(tenantId, updated);
        }
        return updated;
    }

    /** Sets whether the agent takes tickets; coming online pulls the waiting tickets of their teams. */
    public Agent presence(String tenantId, String id, Presence presence) {
        Agent agent = get(tenantId, id);
        loads.setPresence(tenantId, id, agent.capacity(), presence);
        log.info("agent {} of tenant {} is {}", id, tenantId, presence.apiName());
        if (presence == Presence.ONLINE) {
            assignment.pullFor(tenantId, agent);
        }
        return agent;
    }

    /** Deletes an agent who holds no tickets any more. */
    public void delete(String tenantId, String id) {
        Agent agent = get(tenantId, id);
        if (load(tenantId, agent).openTickets() > 0) {
            throw new ConflictException(
                    "agent_has_tickets", "Agent " + id + " still has open tickets; transfer them first.");
        }
        store.delete(tenantId, id);
        loads.delete(tenantId, id);
    }

    private void requireTeams(String tenantId, List<String> teamIds) {
        for (String teamId : teamIds) {
            if (teams.find(tenantId, teamId).isEmpty()) {
                throw new InvalidFieldException("teamIds", "no team " + teamId);
            }
        }
    }

    static NotFoundException notFound(String id) {
        return new NotFoundException("agent_not_found", "No agent " + id + ".");
    }

    /**
     * The fields of an agent; in an update, null fields stay as they are.
     *
     * @param capacity 5 when a new agent is created without one
     */
    public record AgentFields(
            String name,
            String principal,
            List<String> skills,
            Set<Channel> channels,
            Integer capacity,
            List<String> teamIds) {}
}
