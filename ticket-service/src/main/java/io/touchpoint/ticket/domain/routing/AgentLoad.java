package io.touchpoint.ticket.domain.routing;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What an agent can take right now: their presence, and the tickets they hold against their capacity.
 *
 * <p>A hold is taken <em>before</em> a ticket is assigned to the agent and given back <em>after</em> it left them, so
 * the holds always cover the agent's tickets; a hold left behind by a crash between the two writes is found and given
 * back once it is older than a grace period and its ticket is not the agent's.
 *
 * @param holds the tickets held, each with when it was taken
 */
public record AgentLoad(String agentId, Presence presence, int capacity, Map<String, Instant> holds) {

    public AgentLoad {
        Objects.requireNonNull(agentId, "agentId");
        presence = presence != null ? presence : Presence.OFFLINE;
        holds = Map.copyOf(holds != null ? holds : Map.of());
    }

    /** A new agent: offline, holding nothing. */
    public static AgentLoad of(Agent agent) {
        return new AgentLoad(agent.id(), Presence.OFFLINE, agent.capacity(), Map.of());
    }

    public int openTickets() {
        return holds.size();
    }

    /** How many more tickets the agent can take; negative when assigned beyond capacity by hand. */
    public int free() {
        return capacity - holds.size();
    }

    /** Whether routing may give the agent another ticket. */
    public boolean canTake() {
        return presence == Presence.ONLINE && free() > 0;
    }
}
