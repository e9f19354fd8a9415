package io.touchpoint.ticket.application.routing;

import io.touchpoint.ticket.domain.routing.AgentLoad;
import io.touchpoint.ticket.domain.routing.Presence;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The loads of agents, one small document each, changed only by single atomic writes on its unique id: a capacity
 * claim is one conditional update that either takes a free place or changes nothing, so N replicas claiming at once
 * never give an agent more than their capacity.
 */
public interface AgentLoadStore {

    /** Stores {@code load} unless the agent has one already. */
    void createIfAbsent(String tenantId, AgentLoad load);

    Optional<AgentLoad> find(String tenantId, String agentId);

    /** The loads of the agents that have one, by agent id. */
    Map<String, AgentLoad> findAll(String tenantId, Collection<String> agentIds);

    /** Sets the agent's presence, creating their load with {@code capacity} if they have none (yet). */
    void setPresence(String tenantId, String agentId, int capacity, Presence presence);

    /** Sets the agent's capacity; their holds stay, so the free places change by the difference. */
    void setCapacity(String tenantId, String agentId, int capacity);

    /** Takes a free place of the agent for the ticket, if they have one and do not hold the ticket yet. */
    Claim claim(String tenantId, String agentId, String ticketId, Instant at);

    /**
     * Holds the ticket for the agent whatever their capacity (a person assigned it by hand, or it came back to them);
     * holding it twice holds it once.
     */
    void hold(String tenantId, String agentId, String ticketId, Instant at);

    /** Gives the ticket's place back; false if the agent did not hold it. */
    boolean release(String tenantId, String agentId, String ticketId);

    /** Gives the place back only if it is still the hold taken at {@code heldAt}, not a newer one. */
    boolean releaseIfHeldSince(String tenantId, String agentId, String ticketId, Instant heldAt);

    void delete(String tenantId, String agentId);

    /** The outcome of {@link #claim}. */
    enum Claim {
        /** The place is taken for the ticket. */
        CLAIMED,
        /** The agent holds the ticket already: someone else is assigning it to them, or did. */
        HELD,
        /** No free place, or no such agent. */
        FULL
    }
}
