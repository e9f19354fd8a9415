package io.touchpoint.ticket.application.routing;

import io.touchpoint.ticket.domain.routing.Agent;
import java.util.List;
import java.util.Optional;

/** Where a tenant's agents are kept; a principal belongs to at most one agent of a tenant. */
public interface AgentStore {

    /** @return false if another agent of the tenant has the principal */
    boolean insert(Agent agent);

    Optional<Agent> find(String tenantId, String id);

    Optional<Agent> findByPrincipal(String tenantId, String principal);

    /** Agents in id order after {@code after}, at most {@code limit}; of team {@code teamId} if it is given. */
    List<Agent> page(String tenantId, String teamId, String after, int limit);

    /** Every agent of the team. */
    List<Agent> members(String tenantId, String teamId);

    /**
     * Replaces the agent if it is still at {@code expectedVersion}.
     *
     * @throws PrincipalTakenException if another agent of the tenant has the new principal
     */
    boolean replace(Agent agent, long expectedVersion);

    boolean delete(String tenantId, String id);
}
