package io.touchpoint.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.stereotype.Component;

/**
 * Shows each service's circuit breaker in {@code /actuator/health}. Always UP: a service being down is reported by
 * its breaker's state, and must not make the gateway itself unhealthy or unready.
 */
@Component("circuitBreakers")
public class CircuitBreakersHealthIndicator implements HealthIndicator {

    private final CircuitBreakerRegistry registry;

    public CircuitBreakersHealthIndicator(ReactiveResilience4JCircuitBreakerFactory factory) {
        this.registry = factory.getCircuitBreakerRegistry();
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        registry.getAllCircuitBreakers()
                .forEach(breaker -> health.withDetail(
                        breaker.getName(),
                        Map.of(
                                "state", breaker.getState().name(),
                                "failureRate", breaker.getMetrics().getFailureRate(),
                                "slowCallRate", breaker.getMetrics().getSlowCallRate(),
                                "bufferedCalls", breaker.getMetrics().getNumberOfBufferedCalls())));
        return health.build();
    }
}
