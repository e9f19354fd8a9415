package io.touchpoint.gateway.resilience;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.touchpoint.gateway.web.Failures;
import java.net.ConnectException;
import java.time.Duration;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Sends a POST, PUT, PATCH or DELETE again when the connection to the service could not even be opened (refused, or
 * not established within the connect timeout): nothing reached the service, so nothing can happen twice. That is what a
 * replica going away in a rolling deploy looks like, and a provider webhook refused then may never be sent again.
 *
 * <p>GET, HEAD and OPTIONS are left to the routes' {@code Retry} filters, which repeat them on any I/O error; doing it
 * here as well would multiply their attempts. A connection that broke after the request went out is never repeated
 * here: the service may have acted on it.
 */
final class UnsentRequestRetry implements GlobalFilter, Ordered {

    private final int retries;
    private final Duration firstBackoff;
    private final Counter retried;

    UnsentRequestRetry(int retries, Duration firstBackoff, MeterRegistry meters) {
        this.retries = retries;
        this.firstBackoff = firstBackoff;
        this.retried = Counter.builder("touchpoint.gateway.unsent.retries")
                .description("Requests sent again because the connection to the service could not be opened")
                .register(meters);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (RetriedRequestBodies.RETRIED_BY_ROUTES.contains(
                exchange.getRequest().getMethod())) {
            return chain.filter(exchange);
        }
        return attempt(exchange, chain, 0);
    }

    private Mono<Void> attempt(ServerWebExchange exchange, GatewayFilterChain chain, int retry) {
        return chain.filter(exchange)
                .onErrorResume(error -> retry < retries && Failures.causedBy(error, ConnectException.class), error -> {
                    retried.increment();
                    ServerWebExchangeUtils.reset(exchange);
                    return Mono.delay(firstBackoff.multipliedBy(1L << retry))
                            .then(Mono.defer(() -> attempt(exchange, chain, retry + 1)));
                });
    }

    /** Around every routing filter: {@link StreamRoutingFilter}, the WebSocket one and {@link NettyRoutingFilter}. */
    @Override
    public int getOrder() {
        return NettyRoutingFilter.ORDER - 3;
    }
}
