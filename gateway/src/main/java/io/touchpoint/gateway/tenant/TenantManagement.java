package io.touchpoint.gateway.tenant;

import io.touchpoint.gateway.auth.ApiKeySecrets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Use cases of the admin API: tenants, and the keys that act for them. */
public class TenantManagement {

    private static final Logger log = LoggerFactory.getLogger(TenantManagement.class);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new tenant; a null id lets the gateway choose one. */
    public record CreateTenant(String id, String name, String plan, List<String> allowedOrigins) {}

    /** Changes to a tenant; null fields stay as they are. */
    public record ChangeTenant(String name, String plan, String status, List<String> allowedOrigins) {}

    public record CreateKey(String name, List<String> scopes, Instant expiresAt) {}

    /** A key together with its secret, which exists only in this answer. */
    public record IssuedKey(ApiKeyDocument key, String secret) {}

    private final TenantDirectory directory;
    private final StoredKeyAuthenticator authenticator;
    private final Clock clock;
    private final String defaultPlan;

    public TenantManagement(
            TenantDirectory directory, StoredKeyAuthenticator authenticator, Clock clock, String defaultPlan) {
        this.directory = directory;
        this.authenticator = authenticator;
        this.clock = clock;
        this.defaultPlan = defaultPlan;
    }

    public Mono<TenantDocument> create(CreateTenant command) {
        Instant now = now();
        String id = command.id() != null ? command.id() : "ten_" + randomHex(8);
        TenantDocument tenant = new TenantDocument(
                id,
                command.name(),
                command.plan() != null ? command.plan() : defaultPlan,
                TenantDocument.ACTIVE,
                TenantDirectory.copy(command.allowedOrigins()),
                now,
                now,
                1);
        return directory
                .insert(tenant)
                .onErrorMap(
                        DuplicateKeyException.class,
                        error -> new TenantConflictException("A tenant with id '" + id + "' exists already.", false))
                .doOnNext(created -> log.info("Tenant {} created with plan {}", created.id(), created.plan()));
    }

    public Mono<TenantDocument> tenant(String id) {
        return directory.tenant(id).switchIfEmpty(Mono.error(() -> noTenant(id)));
    }

    public Flux<TenantDocument> tenants(String after, int limit) {
        return directory.tenants(after, limit);
    }

    public Mono<TenantDocument> change(String id, Long expectedVersion, ChangeTenant change) {
        Update update = new Update();
        if (change.name() != null) {
            update.set("name", change.name());
        }
        if (change.plan() != null) {
            update.set("plan", change.plan());
        }
        if (change.status() != null) {
            update.set("status", change.status());
        }
        if (change.allowedOrigins() != null) {
            update.set("allowedOrigins", List.copyOf(change.allowedOrigins()));
        }
        return directory
                .update(id, expectedVersion, update, now())
                .switchIfEmpty(Mono.defer(() -> tenant(id)
                        .flatMap(current -> Mono.error(new TenantConflictException(
                                "The tenant is at version " + current.version() + ", not " + expectedVersion + ".",
                                true)))))
                .doOnNext(changed -> log.info(
                        "Tenant {} changed: plan {}, status {}, version {}",
                        changed.id(),
                        changed.plan(),
                        changed.status(),
                        changed.version()));
    }

    public Mono<IssuedKey> createKey(String tenantId, CreateKey command) {
        return tenant(tenantId)
                .flatMap(tenant -> issue(tenantId, command.name(), command.scopes(), command.expiresAt()));
    }

    public Flux<ApiKeyDocument> keys(String tenantId, String after, int limit) {
        return tenant(tenantId).thenMany(directory.keys(tenantId, after, limit));
    }

    public Mono<ApiKeyDocument> key(String tenantId, String keyId) {
        return directory.key(tenantId, keyId).switchIfEmpty(Mono.error(() -> noKey(tenantId, keyId)));
    }

    /** Stops the key now (within the cache's age on other replicas). Revoking twice is not an error. */
    public Mono<ApiKeyDocument> revoke(String tenantId, String keyId) {
        return key(tenantId, keyId)
                .flatMap(key -> directory.revoke(tenantId, keyId, now()))
                .doOnNext(key -> {
                    authenticator.invalidate(key.secretHash());
                    log.info("API key {} of tenant {} revoked", keyId, tenantId);
                });
    }

    /**
     * A new key with the old one's name, scopes and expiry; the old key keeps working for {@code grace} (zero: stops
     * now), so that clients can switch over without an outage.
     */
    public Mono<IssuedKey> rotate(String tenantId, String keyId, Duration grace) {
        return key(tenantId, keyId).flatMap(old -> issue(tenantId, old.name(), old.scopes(), old.expiresAt())
                .flatMap(issued -> directory
                        .revoke(tenantId, keyId, now().plus(grace))
                        .doOnNext(revoked -> {
                            authenticator.invalidate(revoked.secretHash());
                            log.info(
                                    "API key {} of tenant {} rotated to {}; the old key stops at {}",
                                    keyId,
                                    tenantId,
                                    issued.key().id(),
                                    revoked.revokedAt());
                        })
                        .thenReturn(issued)));
    }

    private Mono<IssuedKey> issue(String tenantId, String name, List<String> scopes, Instant expiresAt) {
        String secret = ApiKeySecrets.newSecret();
        ApiKeyDocument key = new ApiKeyDocument(
                "key_" + randomHex(12),
                tenantId,
                name,
                List.copyOf(scopes),
                ApiKeySecrets.displayPrefix(secret),
                ApiKeySecrets.hash(secret),
                expiresAt,
                now(),
                null,
                null);
        return directory.insert(key).map(stored -> {
            // A failed lookup of this very secret may be cached; it must not hide the new key.
            authenticator.invalidate(stored.secretHash());
            log.info("API key {} created for tenant {} with scopes {}", stored.id(), tenantId, stored.scopes());
            return new IssuedKey(stored, secret);
        });
    }

    private Instant now() {
        // Mongo keeps milliseconds; answer what a later read will return.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static TenantNotFoundException noTenant(String id) {
        return new TenantNotFoundException("No tenant '" + id + "'.");
    }

    private static TenantNotFoundException noKey(String tenantId, String keyId) {
        return new TenantNotFoundException("No API key '" + keyId + "' in tenant '" + tenantId + "'.");
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
