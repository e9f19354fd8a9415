package io.touchpoint.gateway.resilience;

import java.util.Set;
import org.springframework.cloud.gateway.filter.AdaptCachedBodyGlobalFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Holds in memory only the request bodies a route's {@code Retry} may send again; every other body streams to the
 * service as it arrives.
 *
 * <p>Spring Cloud Gateway's own {@link AdaptCachedBodyGlobalFilter} (switched off in application.yml) reads the whole
 * body of every request on a route with a {@code Retry} or a {@code CircuitBreaker} fallback before proxying it: up to
 * the 5 MB webhook limit per request, for POSTs the {@code Retry} never repeats and fallbacks that ignore the body. A
 * few hundred concurrent uploads would exhaust the gateway's memory, and every webhook waited for its last byte before
 * the service saw it. A repeated GET, HEAD or OPTIONS does need its body again (the connection's body can be read only
 * once), so those keep Spring Cloud Gateway's behaviour.
 */
final class RetriedRequestBodies extends AdaptCachedBodyGlobalFilter {

    /** The methods the routes' {@code Retry} filters repeat: their {@code methods} in application.yml. */
    static final Set<HttpMethod> RETRIED_BY_ROUTES = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (RETRIED_BY_ROUTES.contains(exchange.getRequest().getMethod())) {
            return super.filter(exchange, chain);
        }
        return chain.filter(exchange);
    }
}
