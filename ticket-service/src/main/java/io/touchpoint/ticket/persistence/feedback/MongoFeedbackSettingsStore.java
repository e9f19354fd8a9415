package io.touchpoint.ticket.persistence.feedback;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.touchpoint.ticket.application.feedback.FeedbackSettingsStore;
import io.touchpoint.ticket.domain.feedback.FeedbackSettings;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** Feedback settings in MongoDB, one document per tenant; reading them is a lookup by {@code _id}. */
@Repository
class MongoFeedbackSettingsStore implements FeedbackSettingsStore {

    private final MongoTemplate mongo;

    MongoFeedbackSettingsStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<FeedbackSettings> find(String tenantId) {
        return Optional.ofNullable(mongo.findById(tenantId, FeedbackSettingsDocument.class))
                .map(FeedbackSettingsDocument::toSettings);
    }

    @Override
    public boolean save(FeedbackSettings settings, long expectedVersion) {
        FeedbackSettingsDocument document = FeedbackSettingsDocument.of(settings);
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
