package io.touchpoint.ticket.application.routing;

import io.touchpoint.ticket.domain.routing.RoutingSettings;
import java.util.Optional;

/** Where each tenant's routing settings are kept, one document per tenant. */
public interface RoutingSettingsStore {

    Optional<RoutingSettings> find(String tenantId);

    /** Stores {@code settings} if the stored ones are still at {@code expectedVersion} (0: none stored). */
    boolean save(RoutingSettings settings, long expectedVersion);
}
