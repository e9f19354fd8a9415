package io.touchpoint.gateway.tenant;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.touchpoint.gateway.auth.ApiKeyAuthenticator;
import io.touchpoint.gateway.auth.ApiKeySecrets;
import io.touchpoint.gateway.auth.Caller;
import io.touchpoint.gateway.auth.CredentialStoreUnavailableException;
import io.touchpoint.gateway.auth.LookupRefusedException;
import io.touchpoint.gateway.auth.RejectionBudget;
import io.touchpoint.tenancy.TenantContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Authenticates the keys the gateway issued, from the store, through a cache keyed by the secret's hash. A lookup —
 * found or not — is reused for at most {@code maxAge}; keys in use are reloaded in the background after half of it,
 * so a hot key never waits for the database and a revocation, rotation, expiry or suspension made through any replica
 * takes effect on every replica within {@code maxAge} (no broadcast needed). {@code lastUsedAt} is written at most
 * once per {@code touchInterval} per key and replica, after the request was let through, without waiting for it.
 */
public class StoredKeyAuthenticator implements ApiKeyAuthenticator {

    private static final Logger log = LoggerFactory.getLogger(StoredKeyAuthenticator.class);

    /** What a key hash resolved to; checked again on every use, since it may expire while cached. */
    record ResolvedKey(String keyId, Caller caller, Instant expiresAt, Instant revokedAt) {

        boolean usableAt(Instant now) {
            return (revokedAt == null || now.isBefore(revokedAt)) && (expiresAt == null || now.isBefore(expiresAt));
        }
    }

    private final TenantDirectory directory;
    private final Clock clock;
    private final AsyncLoadingCache<String, Optional<ResolvedKey>> keys;
    private final Cache<String, Boolean> recentlyTouched;

    public StoredKeyAuthenticator(TenantDirectory directory, Clock clock, Duration maxAge, Duration touchInterval) {
        this.directory = directory;
        this.clock = clock;
        this.keys = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(maxAge)
                .refreshAfterWrite(maxAge.dividedBy(2))
                .buildAsync((hash, executor) -> load(hash).toFuture());
        this.recentlyTouched =
                Caffeine.newBuilder().expireAfterWrite(touchInterval).build();
    }

    /** Asks the budget only when the key is not cached: a known key never waits for its address's budget. */
    @Override
    public Mono<Optional<Caller>> authenticate(String apiKey, RejectionBudget budget) {
        if (!ApiKeySecrets.looksIssued(apiKey)) {
            return Mono.just(Optional.empty());
        }
        String hash = ApiKeySecrets.hash(apiKey);
        CompletableFuture<Optional<ResolvedKey>> cached = keys.getIfPresent(hash);
        if (cached == null && !budget.allowsLookup()) {
            return Mono.error(new LookupRefusedException());
        }
        return Mono.fromFuture(cached != null ? cached : keys.get(hash), true)
                .onErrorMap(
                        error -> !(error instanceof CredentialStoreUnavailableException),
                        error -> new CredentialStoreUnavailableException("The API key store did not answer", error))
                .map(resolved -> resolved.filter(key -> key.usableAt(clock.instant()))
                        .map(key -> {
                            touch(key.keyId());
                            return key.caller();
                        }));
    }

    /** Forgets what this replica cached for a key, so that a change made here applies here at once. */
    public void invalidate(String secretHash) {
        keys.synchronous().invalidate(secretHash);
    }

    private Mono<Optional<ResolvedKey>> load(String hash) {
        return directory
                .keyByHash(hash)
                .flatMap(key -> directory
                        .tenant(key.tenantId())
                        .filter(TenantDocument::active)
                        .map(tenant -> new ResolvedKey(
                                key.id(),
                                new Caller(
                                        new TenantContext(tenant.id(), key.id(), Set.copyOf(key.scopes())),
                                        key.id(),
                                        tenant.plan()),
                                key.expiresAt(),
                                key.revokedAt())))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    private void touch(String keyId) {
        if (recentlyTouched.asMap().putIfAbsent(keyId, Boolean.TRUE) != null) {
            return;
        }
        directory
                .touch(keyId, clock.instant())
                .subscribe(null, error -> log.debug("Could not record the use of key {}: {}", keyId, error.toString()));
    }
}
