package io.touchpoint.ticket.persistence.knowledge;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The per-tenant revision counters in {@code knowledge_revisions}. A write advances the counter after it has stored
 * the article, so whoever reads the new revision finds the article too.
 */
class KnowledgeRevisions {

    private final MongoTemplate mongo;

    private final Clock clock;

    KnowledgeRevisions(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The tenant's revision; 0 before its first published article. */
    long current(String tenantId) {
        RevisionDocument document = mongo.findById(tenantId, RevisionDocument.class);
        return document != null ? document.revision() : 0;
    }

    void advance(String tenantId) {
        Query tenant = query(where("_id").is(tenantId));
        Update increment = new Update().inc("revision", 1).set("updatedAt", clock.instant());
        try {
            mongo.upsert(tenant, increment, RevisionDocument.class);
        } catch (DuplicateKeyException concurrentFirstWrite) {
            // Two first writes upserted at once and the other inserted the counter: it exists now.
            mongo.updateFirst(tenant, increment, RevisionDocument.class);
        }
    }
}
