package io.touchpoint.starter.idempotency;

import java.time.Duration;
import java.time.Instant;

/**
 * What is remembered about one idempotency key of one tenant: the fingerprint of the request that first used it and,
 * once that request finished, its response.
 *
 * @param id {@code tenantId|key}
 * @param requestHash SHA-256 of method, path and body of the first request
 * @param response the stored response; {@code null} while the first request is still in progress
 */
public record IdempotencyRecord(
        String id, String requestHash, Instant createdAt, Instant expiresAt, StoredResponse response) {

    static IdempotencyRecord inProgress(String id, String requestHash, Instant now, Duration retention) {
        return new IdempotencyRecord(id, requestHash, now, now.plus(retention), null);
    }

    public boolean completed() {
        return response != null;
    }

    /** Expired, or in progress for so long that the request holding it has presumably died. */
    boolean isStale(Instant now, Duration lockTimeout) {
        return !now.isBefore(expiresAt) || (!completed() && !now.isBefore(createdAt.plus(lockTimeout)));
    }
}
