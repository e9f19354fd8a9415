package io.touchpoint.ticket.application.routing;

import io.touchpoint.ticket.domain.routing.RoutingSettings;
import java.util.Optional;

/** Where each tenant's routing settings are kept, one document per tenant. */
public interface RoutingSettingsStore {

    Optional<RoutingSettings> find(String tenantId);

    /**
     * The settings as this replica read or wrote them at most {@code touchpoint.ticket.routing.settings-cache} ago: for
     * routing each customer message, which would otherwise read them every time. A change written through another
     * replica applies here within that time; one written here, at once.
     */
    Optional<RoutingSettings> recent(String tenantId);

    /** Stores {@code settings} if the stored ones are still at {@code expectedVersion} (0: none stored). */
    boolean save(RoutingSettings settings, long expectedVersion);
}
