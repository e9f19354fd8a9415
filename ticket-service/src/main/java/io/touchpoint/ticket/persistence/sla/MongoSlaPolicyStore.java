package io.touchpoint.ticket.persistence.sla;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.touchpoint.events.ticket.Priority;
import io.touchpoint.starter.mongo.MongoQueries;
import io.touchpoint.ticket.application.sla.SlaPolicyStore;
import io.touchpoint.ticket.domain.sla.SlaPolicy;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
class MongoSlaPolicyStore implements SlaPolicyStore {

    private final MongoTemplate mongo;

    MongoSlaPolicyStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean insert(SlaPolicy policy) {
        try {
            mongo.insert(SlaPolicyDocument.of(policy));
            return true;
        } catch (DuplicateKeyException priorityTaken) {
            return false;
        }
    }

    @Override
    public Optional<SlaPolicy> find(String tenantId, String id) {
        return Optional.ofNullable(mongo.findOne(byTenantAndId(tenantId, id), SlaPolicyDocument.class))
                .map(SlaPolicyDocument::toPolicy);
    }

    @Override
    public Optional<SlaPolicy> findForPriority(String tenantId, Priority priority) {
        return Optional.ofNullable(mongo.findOne(
                        query(where("tenantId").is(tenantId).and("priority").is(priority)), SlaPolicyDocument.class))
                .map(SlaPolicyDocument::toPolicy);
    }

    @Override
    public List<SlaPolicy> page(String tenantId, String after, int limit) {
        Criteria criteria = where("tenantId").is(tenantId);
        if (after != null) {
            criteria.and("_id").gt(after);
        }
        return mongo.find(query(criteria).with(Sort.by("_id")).limit(limit), SlaPolicyDocument.class).stream()
                .map(SlaPolicyDocument::toPolicy)
                .toList();
    }

    @Override
    public boolean replace(SlaPolicy policy, long expectedVersion) {
        Query current = byTenantAndId(policy.tenantId(), policy.id())
                .addCriteria(where("version").is(expectedVersion));
        try {
            return mongo.findAndReplace(current, SlaPolicyDocument.of(policy)) != null;
        } catch (DuplicateKeyException priorityTaken) {
            throw new PriorityTakenException(
                    "another policy of tenant " + policy.tenantId() + " has priority " + policy.priority());
        }
    }

    @Override
    public boolean delete(String tenantId, String id) {
        return mongo.remove(byTenantAndId(tenantId, id), SlaPolicyDocument.class)
                        .getDeletedCount()
                == 1;
    }

    @Override
    public boolean usesCalendar(String tenantId, String calendarId) {
        return MongoQueries.exists(
                mongo, query(where("tenantId").is(tenantId).and("calendarId").is(calendarId)), SlaPolicyDocument.class);
    }

    private static Query byTenantAndId(String tenantId, String id) {
        return query(where("_id").is(id).and("tenantId").is(tenantId));
    }
}
