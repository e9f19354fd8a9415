package io.touchpoint.gateway.tenant;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The browser origins each active tenant allows (CORS), read from the store at most once per {@code maxAge}. When the
 * store cannot answer, no origin is allowed until it can.
 */
public class AllowedOrigins {

    private static final Logger log = LoggerFactory.getLogger(AllowedOrigins.class);

    private final Mono<Map<String, Set<String>>> byTenant;

    public AllowedOrigins(TenantDirectory directory, Duration maxAge) {
        this.byTenant = directory
                .tenantsWithOrigins()
                .collectMap(TenantDocument::id, tenant -> Set.copyOf(tenant.allowedOrigins()))
                .cache(value -> maxAge, error -> Duration.ZERO, () -> maxAge)
                .onErrorResume(error -> {
                    log.warn("Could not read the tenants' allowed origins: {}", error.toString());
                    return Mono.just(Map.of());
                });
    }

    /** Whether any active tenant allows {@code origin}: enough to answer a preflight, which carries no key. */
    public Mono<Boolean> allowedByAnyTenant(String origin) {
        return byTenant.map(origins -> origins.values().stream().anyMatch(set -> set.contains(origin)));
    }

    public Mono<Boolean> allowedFor(String tenantId, String origin) {
        return byTenant.map(origins -> origins.getOrDefault(tenantId, Set.of()).contains(origin));
    }
}
