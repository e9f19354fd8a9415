package io.touchpoint.ticket.persistence.sla;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.touchpoint.ticket.application.sla.BusinessCalendarStore;
import io.touchpoint.ticket.domain.sla.BusinessCalendar;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
class MongoBusinessCalendarStore implements BusinessCalendarStore {

    private final MongoTemplate mongo;

    MongoBusinessCalendarStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void insert(BusinessCalendar calendar) {
        mongo.insert(BusinessCalendarDocument.of(calendar));
    }

    @Override
    public Optional<BusinessCalendar> find(String tenantId, String id) {
        return Optional.ofNullable(mongo.findOne(byTenantAndId(tenantId, id), BusinessCalendarDocument.class))
                .map(BusinessCalendarDocument::toCalendar);
    }

    @Override
    public List<BusinessCalendar> page(String tenantId, String after, int limit) {
        Criteria criteria = where("tenantId").is(tenantId);
        if (after != null) {
            criteria.and("_id").gt(after);
        }
        return mongo.find(query(criteria).with(Sort.by("_id")).limit(limit), BusinessCalendarDocument.class).stream()
                .map(BusinessCalendarDocument::toCalendar)
                .toList();
    }

    @Override
    public boolean replace(BusinessCalendar calendar, long expectedVersion) {
        Query current = byTenantAndId(calendar.tenantId(), calendar.id())
                .addCriteria(where("version").is(expectedVersion));
        return mongo.findAndReplace(current, BusinessCalendarDocument.of(calendar)) != null;
    }

    @Override
    public boolean delete(String tenantId, String id) {
        return mongo.remove(byTenantAndId(tenantId, id), BusinessCalendarDocument.class)
                        .getDeletedCount()
                == 1;
    }

    private static Query byTenantAndId(String tenantId, String id) {
        return query(where("_id").is(id).and("tenantId").is(tenantId));
    }
}
