package io.touchpoint.ticket.persistence.knowledge;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.touchpoint.ticket.application.knowledge.BotSettingsStore;
import io.touchpoint.ticket.domain.knowledge.BotSettings;
import io.touchpoint.ticket.domain.knowledge.EscalationPhrases;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** Bot settings in MongoDB, one document per tenant; reading them is a lookup by {@code _id}. */
@Repository
class MongoBotSettingsStore implements BotSettingsStore {

    private final MongoTemplate mongo;

    MongoBotSettingsStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<BotSettings> find(String tenantId) {
        return Optional.ofNullable(mongo.findById(tenantId, BotSettingsDocument.class))
                .map(MongoBotSettingsStore::toSettings);
    }

    @Override
    public boolean save(BotSettings settings, long expectedVersion) {
        BotSettingsDocument document = toDocument(settings);
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

    private static BotSettingsDocument toDocument(BotSettings settings) {
        return new BotSettingsDocument(
                settings.tenantId(),
                settings.enabled(),
                settings.confidenceThreshold(),
                settings.expectedResponseTime().toString(),
                settings.acknowledgements(),
                settings.escalationPhrases().asMap(),
                settings.version(),
                settings.createdAt(),
                settings.updatedAt());
    }

    private static BotSettings toSettings(BotSettingsDocument document) {
        return new BotSettings(
                document.tenantId(),
                document.enabled(),
                document.confidenceThreshold(),
                Duration.parse(document.expectedResponseTime()),
                document.acknowledgements(),
                EscalationPhrases.of(document.escalationPhrases() != null ? document.escalationPhrases() : Map.of()),
                document.version(),
                document.createdAt(),
                document.updatedAt());
    }
}
