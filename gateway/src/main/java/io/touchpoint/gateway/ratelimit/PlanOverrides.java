package io.touchpoint.gateway.ratelimit;

import java.util.Map;
import reactor.core.publisher.Mono;

/** Plan limits set at runtime through the admin API, which take precedence over the configured ones. */
public interface PlanOverrides {

    Mono<Map<String, PlanLimits>> all();

    Mono<Void> put(String plan, PlanLimits limits);
}
