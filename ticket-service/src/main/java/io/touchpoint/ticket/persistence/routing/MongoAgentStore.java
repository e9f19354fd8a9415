package io.touchpoint.ticket.persistence.routing;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.touchpoint.ticket.application.routing.AgentStore;
import io.touchpoint.ticket.application.routing.PrincipalTakenException;
import io.touchpoint.ticket.domain.routing.Agent;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
class MongoAgentStore implements AgentStore {

    private final MongoTemplate mongo;

    MongoAgentStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean insert(Agent agent) {
        try {
            mongo.insert(AgentDocument.of(agent));
            return true;
        } catch (DuplicateKeyException principalTaken) {
            return false;
        }
    }

    @Override
    public Optional<Agent> find(String tenantId, String id) {
        return Optional.ofNullable(mongo.findOne(byTenantAndId(tenantId, id), AgentDocument.class))
                .map(AgentDocument::toAgent);
    }

    @Override
    public Optional<Agent> findByPrincipal(String tenantId, String principal) {
        return Optional.ofNullable(mongo.findOne(
                        query(where("principalKey").is(AgentDocument.principalKey(tenantId, principal))),
                        AgentDocument.class))
                .map(AgentDocument::toAgent);
    }

    @Override
    public List<Agent> page(String tenantId, String teamId, String after, int limit) {
        Criteria criteria = where("tenantId").is(tenantId);
        if (teamId != null) {
            criteria.and("teamIds").is(teamId);
        }
        if (after != null) {
            criteria.and("_id").gt(after);
        }
        return mongo.find(query(criteria).with(Sort.by("_id")).limit(limit), AgentDocument.class).stream()
                .map(AgentDocument::toAgent)
                .toList();
    }

    @Override
    public List<Agent> members(String tenantId, String teamId) {
        return mongo.find(query(where("tenantId").is(tenantId).and("teamIds").is(teamId)), AgentDocument.class).stream()
                .map(AgentDocument::toAgent)
                .toList();
    }

    @Override
    public boolean replace(Agent agent, long expectedVersion) {
        Query current = byTenantAndId(agent.tenantId(), agent.id())
                .addCriteria(where("version").is(expectedVersion));
        try {
            return mongo.findAndReplace(current, AgentDocument.of(agent)) != null;
        } catch (DuplicateKeyException principalTaken) {
            throw new PrincipalTakenException(agent.principal());
        }
    }

    @Override
    public boolean delete(String tenantId, String id) {
        return mongo.remove(byTenantAndId(tenantId, id), AgentDocument.class).getDeletedCount() == 1;
    }

    private static Query byTenantAndId(String tenantId, String id) {
        return query(where("_id").is(id).and("tenantId").is(tenantId));
    }
}
