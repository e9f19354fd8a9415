package io.touchpoint.starter.observability;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * MongoDB health from the {@code ping} command, which real MongoDB and the wire-protocol stand-in both answer (Boot's
 * own indicator sends {@code hello}, which the stand-in does not know, and would keep the service unready).
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    public MongoPingHealthIndicator(MongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document reply = mongo.executeCommand(new Document("ping", 1));
        Object ok = reply.get("ok");
        if (ok instanceof Number number && number.doubleValue() == 1.0) {
            builder.up().withDetail("database", mongo.getDb().getName());
        } else {
            builder.down().withDetail("reply", reply.toJson());
        }
    }
}
