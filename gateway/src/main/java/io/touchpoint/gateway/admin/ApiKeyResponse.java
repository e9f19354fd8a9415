package io.touchpoint.gateway.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.touchpoint.gateway.tenant.ApiKeyDocument;
import java.time.Instant;
import java.util.List;

/** A key as listed: never its secret or hash; {@code secret} is there once, in the answer that created it. */
record ApiKeyResponse(
        String id,
        String tenantId,
        String name,
        List<String> scopes,
        String prefix,
        Instant expiresAt,
        Instant createdAt,
        Instant lastUsedAt,
        Instant revokedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

    static ApiKeyResponse of(ApiKeyDocument key) {
        return withSecret(key, null);
    }

    static ApiKeyResponse withSecret(ApiKeyDocument key, String secret) {
        return new ApiKeyResponse(
                key.id(),
                key.tenantId(),
                key.name(),
                key.scopes().stream().sorted().toList(),
                key.prefix(),
                key.expiresAt(),
                key.createdAt(),
                key.lastUsedAt(),
                key.revokedAt(),
                secret);
    }
}
