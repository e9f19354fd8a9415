package io.touchpoint.starter.idempotency;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The store contract over a map, for tests of the filter's behaviour that need no database. */
class InMemoryIdempotencyRecordStore implements IdempotencyRecordStore {

    final Map<String, IdempotencyRecord> records = new ConcurrentHashMap<>();

    @Override
    public Optional<IdempotencyRecord> claim(IdempotencyRecord record) {
        return Optional.ofNullable(records.putIfAbsent(record.id(), record));
    }

    @Override
    public void complete(String id, StoredResponse response) {
        records.computeIfPresent(
                id,
                (key, record) -> record.completed()
                        ? record
                        : new IdempotencyRecord(
                                key, record.requestHash(), record.createdAt(), record.expiresAt(), response));
    }

    @Override
    public void release(String id) {
        records.computeIfPresent(id, (key, record) -> record.completed() ? record : null);
    }

    @Override
    public void evict(IdempotencyRecord stale) {
        records.computeIfPresent(
                stale.id(), (key, record) -> record.createdAt().equals(stale.createdAt()) ? null : record);
    }
}
