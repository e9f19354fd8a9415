package io.touchpoint.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.stereotype.Component;

/**
 * Remembers when each service's circuit breaker last opened, so a refused caller can be told how long it stays open
 * (Resilience4j itself does not say).
 */
@Component
public class BreakerOpenings {

    private static final Logger log = LoggerFactory.getLogger(BreakerOpenings.class);

    private final CircuitBreakerRegistry registry;
    private final Clock clock;
    private final Map<String, Instant> openedAt = new ConcurrentHashMap<>();

    @Autowired
    public BreakerOpenings(ReactiveResilience4JCircuitBreakerFactory factory) {
        this(factory.getCircuitBreakerRegistry(), Clock.systemUTC());
    }

    BreakerOpenings(CircuitBreakerRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        registry.getAllCircuitBreakers().forEach(this::watch);
        registry.getEventPublisher().onEntryAdded(added -> watch(added.getAddedEntry()));
    }

    private void watch(CircuitBreaker breaker) {
        breaker.getEventPublisher().onStateTransition(event -> {
            log.warn("Circuit breaker {}: {}", breaker.getName(), event.getStateTransition());
            if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                openedAt.put(breaker.getName(), clock.instant());
            }
        });
    }

    /** How much longer the named breaker stays open, when it is open. */
    public Optional<Duration> remainingOpen(String name) {
        Optional<CircuitBreaker> breaker = registry.find(name);
        if (breaker.isEmpty() || breaker.get().getState() != CircuitBreaker.State.OPEN) {
            return Optional.empty();
        }
        Duration wait = Duration.ofMillis(breaker.get()
                .getCircuitBreakerConfig()
                .getWaitIntervalFunctionInOpenState()
                .apply(1));
        Instant opened = openedAt.get(name);
        if (opened == null) {
            return Optional.of(wait);
        }
        Duration remaining = wait.minus(Duration.between(opened, clock.instant()));
        return Optional.of(remaining.isNegative() ? Duration.ZERO : remaining);
    }
}
