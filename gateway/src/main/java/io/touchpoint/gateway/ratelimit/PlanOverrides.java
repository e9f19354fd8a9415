package io.touchpoint.gateway.ratelimit;

import java.util.Map;
import reactor.core.publisher.Mono;

/** Plan limits set at runtime through the admin API, which take precedence over the configured ones. */
public interface PlanOverrides {

    Mono<Map<String, PlanLimits>> all();

    Mono<Void> put(String plan, PlanLimits limits);

    /** Drops the plan's override, if any: the configured limits apply again. */
    Mono<Void> remove(String plan);
}
