package io.touchpoint.gateway.tenant;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An API key as stored: never the secret, only its SHA-256 ({@code secretHash}, unique, so that the lookup on every
 * cache miss is an index hit on real MongoDB and on the stand-in alike) and a short {@code prefix} to tell keys apart.
 * A key stops working at {@code revokedAt}, which may lie in the future while a rotated key's grace period runs.
 */
@Document("api_keys")
public record ApiKeyDocument(
        @Id String id,
        String tenantId,
        String name,
        List<String> scopes,
        String prefix,
        String secretHash,
        Instant expiresAt,
        Instant createdAt,
        Instant lastUsedAt,
        Instant revokedAt) {

    public boolean usableAt(Instant now) {
        return (revokedAt == null || now.isBefore(revokedAt)) && (expiresAt == null || now.isBefore(expiresAt));
    }
}
