package io.touchpoint.ticket.persistence.routing;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.touchpoint.ticket.application.routing.TeamStore;
import io.touchpoint.ticket.domain.routing.Team;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Teams in MongoDB, and their round-robin cursors in {@code team_cursors}: one small document per team under
 * {@code tenant|team}, advanced by an atomic {@code findAndModify} {@code $inc}.
 */
@Repository
class MongoTeamStore implements TeamStore {

    static final String CURSORS = "team_cursors";

    private final MongoTemplate mongo;

    MongoTeamStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void insert(Team team) {
        mongo.insert(TeamDocument.of(team));
    }

    @Override
    public Optional<Team> find(String tenantId, String id) {
        return Optional.ofNullable(mongo.findOne(byTenantAndId(tenantId, id), TeamDocument.class))
                .map(TeamDocument::toTeam);
    }

    @Override
    public List<Team> page(String tenantId, String after, int limit) {
        Criteria criteria = where("tenantId").is(tenantId);
        if (after != null) {
            criteria.and("_id").gt(after);
        }
        return mongo.find(query(criteria).with(Sort.by("_id")).limit(limit), TeamDocument.class).stream()
                .map(TeamDocument::toTeam)
                .toList();
    }

    @Override
    public boolean replace(Team team, long expectedVersion) {
        Query current = byTenantAndId(team.tenantId(), team.id())
                .addCriteria(where("version").is(expectedVersion));
        return mongo.findAndReplace(current, TeamDocument.of(team)) != null;
    }

    @Override
    public boolean delete(String tenantId, String id) {
        mongo.remove(query(where("_id").is(tenantId + "|" + id)), CURSORS);
        return mongo.remove(byTenantAndId(tenantId, id), TeamDocument.class).getDeletedCount() == 1;
    }

    @Override
    public long advanceCursor(String tenantId, String teamId) {
        Document cursor = mongo.findAndModify(
                query(where("_id").is(tenantId + "|" + teamId)),
                new Update().inc("position", 1L).setOnInsert("tenantId", tenantId),
                FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class,
                CURSORS);
        return cursor != null && cursor.get("position") instanceof Number position ? position.longValue() : 0;
    }

    private static Query byTenantAndId(String tenantId, String id) {
        return query(where("_id").is(id).and("tenantId").is(tenantId));
    }
}
