package io.touchpoint.ticket.persistence.routing;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.touchpoint.ticket.application.routing.RoutingSettingsStore;
import io.touchpoint.ticket.domain.routing.RoutingSettings;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** Routing settings in MongoDB, one document per tenant; reading them, on every new ticket, is a lookup by id. */
@Repository
class MongoRoutingSettingsStore implements RoutingSettingsStore {

    private final MongoTemplate mongo;

    MongoRoutingSettingsStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<RoutingSettings> find(String tenantId) {
        return Optional.ofNullable(mongo.findById(tenantId, RoutingSettingsDocument.class))
                .map(RoutingSettingsDocument::toSettings);
    }

    @Override
    public boolean save(RoutingSettings settings, long expectedVersion) {
        RoutingSettingsDocument document = RoutingSettingsDocument.of(settings);
        if (expectedVersion == 0) {
            try {
                mongo.insert(document);
                return true;
            } catch (DuplicateKeyException savedMeanwhile) {
                return false;
            }
        }
        var current = query(where("_id").is(settings.tenantId()).and("version").is(expectedVersion));
        return mongo.findAndReplace(current, document) != null;
    }
}
