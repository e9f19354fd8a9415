package io.touchpoint.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/** Plan overrides held by this replica only, and lost on restart: right for a single gateway without Redis. */
public final class InMemoryPlanOverrides implements PlanOverrides {

    private final Map<String, PlanLimits> overrides = new ConcurrentHashMap<>();

    @Override
    public Mono<Map<String, PlanLimits>> all() {
        return Mono.fromSupplier(() -> Map.copyOf(overrides));
    }

    @Override
    public Mono<Void> put(String plan, PlanLimits limits) {
        return Mono.fromRunnable(() -> overrides.put(plan, limits));
    }

    @Override
    public Mono<Void> remove(String plan) {
        return Mono.fromRunnable(() -> overrides.remove(plan));
    }
}
