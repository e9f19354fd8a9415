package io.touchpoint.ticket.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.touchpoint.ticket.application.CannedResponseStore;
import io.touchpoint.ticket.domain.CannedResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
class MongoCannedResponseStore implements CannedResponseStore {

    private final MongoTemplate mongo;

    MongoCannedResponseStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void insert(CannedResponse response) {
        mongo.insert(CannedResponseDocument.of(response));
    }

    @Override
    public Optional<CannedResponse> find(String tenantId, String id) {
        return Optional.ofNullable(mongo.findOne(byTenantAndId(tenantId, id), CannedResponseDocument.class))
                .map(CannedResponseDocument::toResponse);
    }

    @Override
    public List<CannedResponse> page(String tenantId, String after, int limit) {
        Criteria criteria = where("tenantId").is(tenantId);
        if (after != null) {
            criteria.and("_id").gt(after);
        }
        return mongo.find(query(criteria).with(Sort.by("_id")).limit(limit), CannedResponseDocument.class).stream()
                .map(CannedResponseDocument::toResponse)
                .toList();
    }

    @Override
    public boolean replace(CannedResponse response, long expectedVersion) {
        Query current = byTenantAndId(response.tenantId(), response.id())
                .addCriteria(where("version").is(expectedVersion));
        return mongo.findAndReplace(current, CannedResponseDocument.of(response)) != null;
    }

    @Override
    public boolean delete(String tenantId, String id) {
        return mongo.remove(byTenantAndId(tenantId, id), CannedResponseDocument.class)
                        .getDeletedCount()
                == 1;
    }

    private static Query byTenantAndId(String tenantId, String id) {
        return query(where("_id").is(id).and("tenantId").is(tenantId));
    }
}
