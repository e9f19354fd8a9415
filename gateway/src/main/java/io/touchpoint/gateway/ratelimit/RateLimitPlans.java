package io.touchpoint.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The limits of each plan: runtime overrides first, then configuration, then the default plan. Overrides are cached
 * for a short time and reloaded in the background, so a decision never waits for the override store and a change
 * made on another replica applies here within the cache time.
 */
public final class RateLimitPlans {

    private static final Logger log = LoggerFactory.getLogger(RateLimitPlans.class);

    /** Used when neither configuration nor overrides know the default plan. */
    static final PlanLimits FALLBACK = new PlanLimits(50, 100, 1, null, null);

    private record Snapshot(Map<String, PlanLimits> overrides, long loadedAtNanos) {}

    private final Map<String, PlanLimits> configured;
    private final String defaultPlan;
    private final PlanOverrides overrides;
    private final long ttlNanos;
    private final LongSupplier nanoClock = System::nanoTime;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Snapshot snapshot;

    public RateLimitPlans(
            Map<String, PlanLimits> configured, String defaultPlan, PlanOverrides overrides, Duration cacheTtl) {
        this.configured = Map.copyOf(configured);
        this.defaultPlan = defaultPlan;
        this.overrides = overrides;
        this.ttlNanos = cacheTtl.toNanos();
        this.snapshot = new Snapshot(Map.of(), nanoClock.getAsLong() - ttlNanos);
        refreshIfStale();
    }

    /** The limits of {@code plan}, or of the default plan when {@code plan} is unknown. */
    public PlanLimits limits(String plan) {
        refreshIfStale();
        return find(plan, snapshot.overrides())
                .or(() -> find(defaultPlan, snapshot.overrides()))
                .orElse(FALLBACK);
    }

    /** The limits of {@code plan} as currently stored, read through (not from the cache), for the admin API. */
    public Mono<Optional<PlanLimits>> current(String plan) {
        return overrides.all().map(stored -> find(plan, stored));
    }

    public boolean isOverridden(String plan) {
        return snapshot.overrides().containsKey(plan);
    }

    /** Stores an override; this replica applies it at once, the others within the cache time. */
    public Mono<PlanLimits> update(String plan, PlanLimits limits) {
        return reloadAfter(overrides.put(plan, limits)).thenReturn(limits);
    }

    /**
     * Drops an override: the configured limits apply again, on this replica at once and on the others within the
     * cache time.
     */
    public Mono<Void> reset(String plan) {
        return reloadAfter(overrides.remove(plan));
    }

    private Mono<Void> reloadAfter(Mono<Void> change) {
        return change.then(overrides.all())
                .doOnNext(stored -> snapshot = new Snapshot(stored, nanoClock.getAsLong()))
                .then();
    }

    private Optional<PlanLimits> find(String plan, Map<String, PlanLimits> stored) {
        PlanLimits override = stored.get(plan);
        return Optional.ofNullable(override != null ? override : configured.get(plan));
    }

    private void refreshIfStale() {
        long now = nanoClock.getAsLong();
        if (now - snapshot.loadedAtNanos() < ttlNanos || !refreshing.compareAndSet(false, true)) {
            return;
        }
        overrides
                .all()
                .doOnNext(stored -> snapshot = new Snapshot(stored, nanoClock.getAsLong()))
                .doOnError(error -> {
                    // Keep deciding with what we have; try again after another cache period.
                    snapshot = new Snapshot(snapshot.overrides(), nanoClock.getAsLong());
                    log.debug("Could not reload plan overrides: {}", error.toString());
                })
                .doFinally(signal -> refreshing.set(false))
                .subscribe(stored -> {}, error -> {});
    }
}
