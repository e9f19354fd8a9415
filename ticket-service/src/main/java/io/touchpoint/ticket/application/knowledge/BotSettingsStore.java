package io.touchpoint.ticket.application.knowledge;

import io.touchpoint.ticket.domain.knowledge.BotSettings;
import java.util.Optional;

/** Where each tenant's bot settings are kept: one document per tenant. */
public interface BotSettingsStore {

    /** The tenant's own settings; empty while it uses the defaults. */
    Optional<BotSettings> find(String tenantId);

    /**
     * Stores {@code settings} if the stored version is {@code expectedVersion}; 0 means none may be stored yet.
     *
     * @return false if another write came first
     */
    boolean save(BotSettings settings, long expectedVersion);
}
