package io.touchpoint.ticket.persistence.routing;

import io.touchpoint.events.Channel;
import io.touchpoint.ticket.domain.routing.Agent;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An agent as stored. {@code principalKey} ({@code tenant|principal}, unique where present) makes a principal belong
 * to one agent of a tenant, and finds the agent a caller signs in as with a unique-key lookup.
 */
@Document(AgentDocument.COLLECTION)
@CompoundIndex(name = "tenant_id", def = "{'tenantId': 1, '_id': 1}")
@CompoundIndex(name = "tenant_team", def = "{'tenantId': 1, 'teamIds': 1, '_id': 1}")
record AgentDocument(
        @Id String id,
        String tenantId,
        String name,
        String principal,
        @Indexed(name = "principal", unique = true, sparse = true) String principalKey,
        List<String> skills,
        Set<Channel> channels,
        int capacity,
        List<String> teamIds,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static final String COLLECTION = "agents";

    static AgentDocument of(Agent agent) {
        return new AgentDocument(
                agent.id(),
                agent.tenantId(),
                agent.name(),
                agent.principal(),
                agent.principal() != null ? principalKey(agent.tenantId(), agent.principal()) : null,
                agent.skills(),
                agent.channels(),
                agent.capacity(),
                agent.teamIds(),
                agent.version(),
                agent.createdAt(),
                agent.updatedAt());
    }

    static String principalKey(String tenantId, String principal) {
        return tenantId + "|" + principal;
    }

    Agent toAgent() {
        return new Agent(
                id, tenantId, name, principal, skills, channels, capacity, teamIds, version, createdAt, updatedAt);
    }
}
