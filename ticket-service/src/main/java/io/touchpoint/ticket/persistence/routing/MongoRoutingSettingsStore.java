package io.touchpoint.ticket.persistence.routing;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.touchpoint.ticket.application.routing.RoutingSettingsStore;
import io.touchpoint.ticket.config.RoutingProperties;
import io.touchpoint.ticket.domain.routing.RoutingSettings;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Routing settings in MongoDB, one document per tenant, looked up by id. The {@link #recent recent} settings come from a
 * small per-replica cache that every read and write here refreshes.
 */
@Repository
class MongoRoutingSettingsStore implements RoutingSettingsStore {

    /** Tenants whose settings a replica keeps; beyond that the least used are read again. */
    private static final int CACHED_TENANTS = 10_000;

    private final MongoTemplate mongo;

    private final Cache<String, Optional<RoutingSettings>> recent;

    MongoRoutingSettingsStore(MongoTemplate mongo, RoutingProperties properties) {
        this.mongo = mongo;
        this.recent = Caffeine.newBuilder()
                .expireAfterWrite(properties.settingsCache())
                .maximumSize(CACHED_TENANTS)
                .build();
    }

    @Override
    public Optional<RoutingSettings> find(String tenantId) {
        Optional<RoutingSettings> stored = read(tenantId);
        recent.put(tenantId, stored);
        return stored;
    }

    @Override
    public Optional<RoutingSettings> recent(String tenantId) {
        return recent.get(tenantId, this::read);
    }

    private Optional<RoutingSettings> read(String tenantId) {
        return Optional.ofNullable(mongo.findById(tenantId, RoutingSettingsDocument.class))
                .map(RoutingSettingsDocument::toSettings);
    }

    @Override
    public boolean save(RoutingSettings settings, long expectedVersion) {
        RoutingSettingsDocument document = RoutingSettingsDocument.of(settings);
        boolean saved;
        if (expectedVersion == 0) {
            try {
                mongo.insert(document);
                saved = true;
            } catch (DuplicateKeyException savedMeanwhile) {
                saved = false;
            }
        } else {
            var current =
                    query(where("_id").is(settings.tenantId()).and("version").is(expectedVersion));
            saved = mongo.findAndReplace(current, document) != null;
        }
        if (saved) {
            recent.put(settings.tenantId(), Optional.of(settings));
        } else {
            recent.invalidate(settings.tenantId());
        }
        return saved;
    }
}
