package io.touchpoint.gateway.web;

import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The headers every answer of the public API carries, the services' as well as the gateway's own (problems, admin
 * API): a browser must not guess a content type, run or frame an answer as a page, or keep customer data in its
 * cache. A service or controller that sets one of them itself (a cacheable answer, the API page's own content
 * policy) keeps its own.
 *
 * <p>Set when the response is committed: the Gateway adds the service's headers to the response's rather than
 * replacing them, so a default set earlier would be sent twice, next to the service's own.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
public class SecurityHeadersFilter implements WebFilter {

    /** Each header and its value unless the answer has its own. */
    static final Map<String, String> DEFAULTS = Map.of(
            "X-Content-Type-Options",
            "nosniff",
            "Content-Security-Policy",
            "default-src 'none'; frame-ancestors 'none'",
            HttpHeaders.CACHE_CONTROL,
            "no-store");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> {
            HttpHeaders headers = response.getHeaders();
            DEFAULTS.forEach((name, value) -> {
                if (!headers.containsHeader(name)) {
                    headers.set(name, value);
                }
            });
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
