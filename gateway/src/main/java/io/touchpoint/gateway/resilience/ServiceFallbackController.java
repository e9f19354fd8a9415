package io.touchpoint.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.touchpoint.gateway.web.Failures;
import io.touchpoint.gateway.web.Problems;
import io.touchpoint.gateway.web.RequestBodyTooLargeException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker forwards a failed call ({@code fallbackUri: forward:/fallback/<service>}): answers
 * 503 (504 for a timeout) problem+json with Retry-After — never a 500, never a hang. A request body that passed its
 * size limit on the way is the client's fault, and goes on to {@code RequestBodyLimitFilter}'s 413.
 */
@RestController
public class ServiceFallbackController {

    /** When the breaker is closed there is no better estimate than "shortly". */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(ServiceFallbackController.class);

    private final BreakerOpenings openings;
    private final Problems problems;

    public ServiceFallbackController(BreakerOpenings openings, Problems problems) {
        this.openings = openings;
        this.problems = problems;
    }

    @RequestMapping("/fallback/{service}")
    public Mono<Void> fallback(@PathVariable String service, ServerWebExchange exchange) {
        Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (failure == null) {
            // Only reachable by forward from a circuit breaker; called directly, there is nothing here.
            return problems.write(
                    exchange, HttpStatus.NOT_FOUND, "not_found", "Not Found", "No resource at this path.");
        }
        if (Failures.causedBy(failure, RequestBodyTooLargeException.class)) {
            // The client's body passed its limit on its way to the service: not the service's failure, and the limit
            // answers it (413).
            return Mono.error(failure);
        }
        Duration retryAfter = openings.remainingOpen(service).orElse(DEFAULT_RETRY_AFTER);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds(retryAfter)));
        if (failure instanceof CallNotPermittedException) {
            // Not one line per refused call while a breaker is open: the state change is logged, and in the metrics.
            return unavailable(
                    exchange,
                    "The service behind this path is failing; the gateway is not calling it for a"
                            + " moment. Retry later.");
        }
        if (isBulkheadFull(failure)) {
            log.debug("{} at capacity", service);
            return unavailable(exchange, "The service behind this path is at capacity. Retry later.");
        }
        log.warn("{} unavailable: {}", service, failure.toString());
        if (isTimeout(failure)) {
            return problems.write(
                    exchange,
                    HttpStatus.GATEWAY_TIMEOUT,
                    "gateway_timeout",
                    "Gateway timeout",
                    "The service behind this path did not answer in time.");
        }
        return unavailable(exchange, "The service behind this path is not available. Retry later.");
    }

    private Mono<Void> unavailable(ServerWebExchange exchange, String detail) {
        return problems.write(
                exchange, HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable", "Service unavailable", detail);
    }

    /** Retry-After is whole seconds; a breaker about to half-open still says 1. */
    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    private static boolean isBulkheadFull(Throwable failure) {
        // resilience4j-bulkhead is a runtime dependency of the circuit breaker starter only.
        return failure.getClass().getSimpleName().equals("BulkheadFullException");
    }

    /**
     * The breaker's time limiter and the route's response timeout are set alike, so either may fire first: the former
     * raises a {@link TimeoutException}, the latter a 504 {@link ResponseStatusException} without a cause.
     */
    private static boolean isTimeout(Throwable failure) {
        return Failures.causedBy(failure, TimeoutException.class)
                || (failure instanceof ResponseStatusException status
                        && status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value());
    }
}
