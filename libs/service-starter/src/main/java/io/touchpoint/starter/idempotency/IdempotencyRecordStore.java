package io.touchpoint.starter.idempotency;

import java.util.Optional;

/** Where idempotency records live; every operation is a single-document operation by id. */
public interface IdempotencyRecordStore {

    /**
     * Stores {@code record} unless its id is taken.
     *
     * @return empty when the record was stored (the caller now owns the key), else the record already there
     */
    Optional<IdempotencyRecord> claim(IdempotencyRecord record);

    /** Records the response of the request that owns the key. */
    void complete(String id, StoredResponse response);

    /** Forgets an in-progress key, so that the client may retry with it. */
    void release(String id);

    /** Removes a stale record, unless it was replaced in the meantime. */
    void evict(IdempotencyRecord stale);
}
