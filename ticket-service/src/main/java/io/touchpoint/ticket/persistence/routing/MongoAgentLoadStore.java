package io.touchpoint.ticket.persistence.routing;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.touchpoint.starter.mongo.MongoQueries;
import io.touchpoint.ticket.application.routing.AgentLoadStore;
import io.touchpoint.ticket.domain.routing.AgentLoad;
import io.touchpoint.ticket.domain.routing.Presence;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Agent loads in {@code agent_loads}, one document per agent under {@code tenant|agent}:
 *
 * <pre>{@code { presence: "ONLINE", capacity: 3, free: 1, holds: { tkt_A: <taken at>, tkt_B: <taken at> } } }</pre>
 *
 * {@code free} is {@code capacity} minus the number of holds, kept so by every write changing both in one update; it
 * lets a claim be one conditional update ({@code free > 0} and the ticket not held), which real MongoDB and the
 * in-process stand-in both apply atomically to one document. Holding or releasing a ticket twice changes nothing, so
 * repeating any of these writes is safe.
 */
@Repository
class MongoAgentLoadStore implements AgentLoadStore {

    static final String COLLECTION = "agent_loads";

    private static final int MAX_ATTEMPTS = 20;

    private final MongoTemplate mongo;

    MongoAgentLoadStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void createIfAbsent(String tenantId, AgentLoad load) {
        mongo.upsert(
                byKey(tenantId, load.agentId()),
                onInsert(tenantId, load.agentId(), load.capacity())
                        .setOnInsert("presence", load.presence().name()),
                COLLECTION);
    }

    @Override
    public Optional<AgentLoad> find(String tenantId, String agentId) {
        return Optional.ofNullable(mongo.findOne(byKey(tenantId, agentId), Document.class, COLLECTION))
                .map(MongoAgentLoadStore::toLoad);
    }

    @Override
    public Map<String, AgentLoad> findAll(String tenantId, Collection<String> agentIds) {
        Map<String, AgentLoad> loads = new HashMap<>();
        if (agentIds.isEmpty()) {
            return loads;
        }
        var keys = agentIds.stream().map(agentId -> key(tenantId, agentId)).toList();
        for (Document document : mongo.find(query(where("_id").in(keys)), Document.class, COLLECTION)) {
            AgentLoad load = toLoad(document);
            loads.put(load.agentId(), load);
        }
        return loads;
    }

    @Override
    public void setPresence(String tenantId, String agentId, int capacity, Presence presence) {
        mongo.upsert(
                byKey(tenantId, agentId),
                onInsert(tenantId, agentId, capacity).set("presence", presence.name()),
                COLLECTION);
    }

    @Override
    public void setCapacity(String tenantId, String agentId, int capacity) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<AgentLoad> current = find(tenantId, agentId);
            if (current.isEmpty()) {
                createIfAbsent(tenantId, new AgentLoad(agentId, Presence.OFFLINE, capacity, Map.of()));
                continue;
            }
            int was = current.get().capacity();
            if (was == capacity) {
                return;
            }
            // Compare-and-set on the capacity read, so that free moves by exactly the difference.
            Update resize = new Update().set("capacity", capacity).inc("free", capacity - was);
            if (mongo.updateFirst(
                                    byKey(tenantId, agentId)
                                            .addCriteria(where("capacity").is(was)),
                                    resize,
                                    COLLECTION)
                            .getModifiedCount()
                    == 1) {
                return;
            }
        }
        throw new IllegalStateException("the capacity of agent " + agentId + " changes too fast to be set");
    }

    @Override
    public Claim claim(String tenantId, String agentId, String ticketId, Instant at) {
        Query room = byKey(tenantId, agentId)
                .addCriteria(where("free").gt(0))
                .addCriteria(where(hold(ticketId)).exists(false));
        Update take = new Update().inc("free", -1).set(hold(ticketId), Date.from(at));
        if (mongo.updateFirst(room, take, COLLECTION).getModifiedCount() == 1) {
            return Claim.CLAIMED;
        }
        boolean held = MongoQueries.exists(
                mongo,
                byKey(tenantId, agentId).addCriteria(where(hold(ticketId)).exists(true)),
                COLLECTION);
        return held ? Claim.HELD : Claim.FULL;
    }

    @Override
    public void hold(String tenantId, String agentId, String ticketId, Instant at) {
        mongo.updateFirst(
                byKey(tenantId, agentId).addCriteria(where(hold(ticketId)).exists(false)),
                new Update().inc("free", -1).set(hold(ticketId), Date.from(at)),
                COLLECTION);
    }

    @Override
    public boolean release(String tenantId, String agentId, String ticketId) {
        return mongo.updateFirst(
                                byKey(tenantId, agentId)
                                        .addCriteria(where(hold(ticketId)).exists(true)),
                                new Update().inc("free", 1).unset(hold(ticketId)),
                                COLLECTION)
                        .getModifiedCount()
                == 1;
    }

    @Override
    public boolean releaseIfHeldSince(String tenantId, String agentId, String ticketId, Instant heldAt) {
        return mongo.updateFirst(
                                byKey(tenantId, agentId)
                                        .addCriteria(where(hold(ticketId)).is(Date.from(heldAt))),
                                new Update().inc("free", 1).unset(hold(ticketId)),
                                COLLECTION)
                        .getModifiedCount()
                == 1;
    }

    @Override
    public void delete(String tenantId, String agentId) {
        mongo.remove(byKey(tenantId, agentId), COLLECTION);
    }

    private static Update onInsert(String tenantId, String agentId, int capacity) {
        return new Update()
                .setOnInsert("tenantId", tenantId)
                .setOnInsert("agentId", agentId)
                .setOnInsert("capacity", capacity)
                .setOnInsert("free", capacity)
                .setOnInsert("holds", new Document());
    }

    private static AgentLoad toLoad(Document document) {
        Map<String, Instant> holds = new HashMap<>();
        if (document.get("holds") instanceof Document held) {
            held.forEach((ticketId, at) -> holds.put(ticketId, ((Date) at).toInstant()));
        }
        String presence = document.getString("presence");
        return new AgentLoad(
                document.getString("agentId"),
                presence != null ? Presence.valueOf(presence) : Presence.OFFLINE,
                ((Number) document.get("capacity")).intValue(),
                holds);
    }

    private static String hold(String ticketId) {
        return "holds." + ticketId;
    }

    private static Query byKey(String tenantId, String agentId) {
        return query(where("_id").is(key(tenantId, agentId)));
    }

    private static String key(String tenantId, String agentId) {
        return tenantId + "|" + agentId;
    }
}
