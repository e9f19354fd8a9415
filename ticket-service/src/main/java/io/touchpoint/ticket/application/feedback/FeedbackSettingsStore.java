package io.touchpoint.ticket.application.feedback;

import io.touchpoint.ticket.domain.feedback.FeedbackSettings;
import java.util.Optional;

/** Where each tenant's feedback settings are kept: one document per tenant. */
public interface FeedbackSettingsStore {

    /** The tenant's own settings; empty while it uses the defaults. */
    Optional<FeedbackSettings> find(String tenantId);

    /**
     * Stores {@code settings} if the stored version is {@code expectedVersion}; 0 means none may be stored yet.
     *
     * @return false if another write came first
     */
    boolean save(FeedbackSettings settings, long expectedVersion);
}
