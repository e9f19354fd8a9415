package io.touchpoint.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import reactor.core.publisher.Mono;

/**
 * Token buckets in this JVM: lock-free (one compare-and-set per request on the bucket's immutable state), so
 * concurrent requests never spend more than the bucket holds. Only right for a single replica; replicas sharing a
 * budget need {@link RedisTokenBuckets}. Buckets that would be full again are dropped now and then: a fresh bucket
 * starts full, so dropping one changes nothing and the map stays as large as the set of recently active callers.
 */
public final class InMemoryTokenBuckets implements TokenBuckets {

    private static final long NANOS_PER_SECOND = Duration.ofSeconds(1).toNanos();
    private static final long PRUNE_INTERVAL_NANOS = Duration.ofSeconds(10).toNanos();

    /** Tokens held at {@code atNanos}, and when the bucket will be full again if nobody takes from it. */
    private record State(double tokens, long atNanos, long fullAtNanos) {}

    private final ConcurrentHashMap<String, AtomicReference<State>> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;
    private final AtomicLong nextPruneNanos;

    public InMemoryTokenBuckets() {
        this(System::nanoTime);
    }

    InMemoryTokenBuckets(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.nextPruneNanos = new AtomicLong(nanoClock.getAsLong() + PRUNE_INTERVAL_NANOS);
    }

    @Override
    public Mono<Decision> tryConsume(String id, Limit limit) {
        return Mono.fromSupplier(() -> consume(id, limit));
    }

    @Override
    public String backend() {
        return "memory";
    }

    Decision consume(String id, Limit limit) {
        long now = nanoClock.getAsLong();
        pruneIfDue(now);
        AtomicReference<State> bucket =
                buckets.computeIfAbsent(id, key -> new AtomicReference<>(new State(limit.burstCapacity(), now, now)));
        while (true) {
            State current = bucket.get();
            double tokens = refilled(current, limit, now);
            boolean allowed = tokens >= limit.requestedTokens();
            double left = allowed ? tokens - limit.requestedTokens() : tokens;
            long fullAt =
                    now + (long) Math.ceil((limit.burstCapacity() - left) * NANOS_PER_SECOND / limit.replenishRate());
            if (bucket.compareAndSet(current, new State(left, Math.max(now, current.atNanos()), fullAt))) {
                return new Decision(allowed, (long) Math.floor(left), limit);
            }
        }
    }

    /** The whole tokens bucket {@code id} holds now, without taking any (a bucket never used is full). */
    long available(String id, Limit limit) {
        AtomicReference<State> bucket = buckets.get(id);
        return bucket == null
                ? limit.burstCapacity()
                : (long) Math.floor(refilled(bucket.get(), limit, nanoClock.getAsLong()));
    }

    /** Number of buckets held, for tests of pruning. */
    int size() {
        return buckets.size();
    }

    private static double refilled(State state, Limit limit, long now) {
        long elapsed = Math.max(0, now - state.atNanos());
        double tokens = state.tokens() + (double) elapsed * limit.replenishRate() / NANOS_PER_SECOND;
        return Math.min(limit.burstCapacity(), tokens);
    }

    private void pruneIfDue(long now) {
        long due = nextPruneNanos.get();
        if (now - due < 0 || !nextPruneNanos.compareAndSet(due, now + PRUNE_INTERVAL_NANOS)) {
            return;
        }
        buckets.entrySet().removeIf(entry -> now - entry.getValue().get().fullAtNanos() >= 0);
    }
}
