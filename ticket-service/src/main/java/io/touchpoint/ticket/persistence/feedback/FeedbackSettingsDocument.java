package io.touchpoint.ticket.persistence.feedback;

import io.touchpoint.events.ticket.Priority;
import io.touchpoint.ticket.domain.feedback.FeedbackSettings;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A tenant's feedback settings as stored; {@code _id} is the tenant. */
@Document(FeedbackSettingsDocument.COLLECTION)
record FeedbackSettingsDocument(
        @Id String tenantId,
        int csatLowAtMost,
        int npsLowAtMost,
        int cesLowAtMost,
        FeedbackSettings.Action action,
        Priority escalateTo,
        String escalateToTeamId,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static final String COLLECTION = "feedback_settings";

    static FeedbackSettingsDocument of(FeedbackSettings settings) {
        return new FeedbackSettingsDocument(
                settings.tenantId(),
                settings.csatLowAtMost(),
                settings.npsLowAtMost(),
                settings.cesLowAtMost(),
                settings.action(),
                settings.escalateTo(),
                settings.escalateToTeamId(),
                settings.version(),
                settings.createdAt(),
                settings.updatedAt());
    }

    FeedbackSettings toSettings() {
        return new FeedbackSettings(
                tenantId,
                csatLowAtMost,
                npsLowAtMost,
                cesLowAtMost,
                action,
                escalateTo,
                escalateToTeamId,
                version,
                createdAt,
                updatedAt);
    }
}
