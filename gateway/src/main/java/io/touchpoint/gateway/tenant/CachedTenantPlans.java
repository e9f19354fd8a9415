package io.touchpoint.gateway.tenant;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.touchpoint.gateway.auth.CredentialStoreUnavailableException;
import io.touchpoint.gateway.auth.TenantPlans;
import java.time.Duration;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** The plans of active tenants, for callers authenticated by JWT; cached like key lookups. */
public class CachedTenantPlans implements TenantPlans {

    private final AsyncLoadingCache<String, Optional<String>> plans;

    public CachedTenantPlans(TenantDirectory directory, Duration maxAge) {
        this.plans = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(maxAge)
                .refreshAfterWrite(maxAge.dividedBy(2))
                .buildAsync((tenantId, executor) -> directory
                        .tenant(tenantId)
                        .filter(TenantDocument::active)
                        .map(tenant -> Optional.of(tenant.plan()))
                        .defaultIfEmpty(Optional.empty())
                        .toFuture());
    }

    @Override
    public Mono<Optional<String>> planOf(String tenantId) {
        return Mono.fromFuture(plans.get(tenantId), true)
                .onErrorMap(
                        error -> !(error instanceof CredentialStoreUnavailableException),
                        error -> new CredentialStoreUnavailableException("The tenant store did not answer", error));
    }
}
