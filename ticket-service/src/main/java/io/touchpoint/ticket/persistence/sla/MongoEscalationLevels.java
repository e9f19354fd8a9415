package io.touchpoint.ticket.persistence.sla;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.touchpoint.ticket.application.sla.EscalationLevels;
import java.util.List;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Escalation levels in MongoDB: one small document per ticket, {@code _id} {@code tenant|ticket}, with the highest
 * level reserved and the reservation of each escalation, raised with a compare-and-set on the level.
 */
@Repository
class MongoEscalationLevels implements EscalationLevels {

    static final String COLLECTION = "ticket_escalation_levels";

    private static final int MAX_ATTEMPTS = 20;

    private final MongoTemplate mongo;

    MongoEscalationLevels(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public int reserve(String tenantId, String ticketId, String mark, int count) {
        String id = tenantId + "|" + ticketId;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Document levels = mongo.findById(id, Document.class, COLLECTION);
            if (levels == null) {
                Document first = new Document("_id", id)
                        .append("tenantId", tenantId)
                        .append("ticketId", ticketId)
                        .append("level", count)
                        .append("reservations", List.of(reservation(mark, 1)));
                try {
                    mongo.insert(first, COLLECTION);
                    return 1;
                } catch (DuplicateKeyException reservedMeanwhile) {
                    continue;
                }
            }
            for (Document reservation : levels.getList("reservations", Document.class, List.of())) {
                if (mark.equals(reservation.getString("mark"))) {
                    return reservation.getInteger("first");
                }
            }
            int level = levels.getInteger("level");
            var raise = new Update().set("level", level + count).push("reservations", reservation(mark, level + 1));
            if (mongo.updateFirst(query(where("_id").is(id).and("level").is(level)), raise, COLLECTION)
                            .getMatchedCount()
                    == 1) {
                return level + 1;
            }
        }
        throw new IllegalStateException("the escalation level of ticket " + ticketId + " changes too fast to reserve");
    }

    private static Document reservation(String mark, int first) {
        return new Document("mark", mark).append("first", first);
    }
}
