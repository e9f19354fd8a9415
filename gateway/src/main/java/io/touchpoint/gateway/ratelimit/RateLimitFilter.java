package io.touchpoint.gateway.ratelimit;

import io.touchpoint.gateway.auth.Caller;
import io.touchpoint.gateway.web.ClientAddresses;
import io.touchpoint.gateway.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Rate limits every request but the actuator's (on the management port, where these web filters run too), after
 * authentication: by caller when there is one, else by client IP. The {@code RateLimit-*} headers go on every
 * response of a limited request, including responses written downstream or by error handlers (they are set again
 * just before the response commits); a refused request gets 429 problem+json with {@code Retry-After}. A web filter
 * rather than a route filter, so that endpoints the gateway serves itself (admin API) are limited too.
 */
public class RateLimitFilter implements WebFilter, Ordered {

    /** Right after the authentication filter ({@code HIGHEST_PRECEDENCE + 10}) has stored the {@link Caller}. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    private static final PathPattern ACTUATOR = PathPatternParser.defaultInstance.parse("/actuator/**");

    /** A provider webhook: its budget belongs to the connection it names, not to the provider's many addresses. */
    private static final PathPattern WEBHOOK =
            PathPatternParser.defaultInstance.parse("/webhooks/{kind}/{connectionId}/**");

    private final TenantRateLimiter limiter;
    private final ClientAddresses clients;
    private final Problems problems;

    public RateLimitFilter(TenantRateLimiter limiter, ClientAddresses clients, Problems problems) {
        this.limiter = limiter;
        this.clients = clients;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (ACTUATOR.matches(exchange.getRequest().getPath().pathWithinApplication())) {
            return chain.filter(exchange);
        }
        Caller caller = exchange.getAttribute(Caller.ATTRIBUTE);
        Mono<Verdict> verdict = caller != null ? limiter.check(caller) : checkPublic(exchange);
        return verdict.flatMap(decided -> {
            ServerHttpResponse response = exchange.getResponse();
            RateLimitHeaders.write(decided, response.getHeaders());
            response.beforeCommit(() -> {
                RateLimitHeaders.write(decided, response.getHeaders());
                return Mono.empty();
            });
            if (decided.allowed()) {
                return chain.filter(exchange);
            }
            return problems.write(
                    exchange,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "rate_limited",
                    "Too many requests",
                    "Rate limit exceeded; retry after " + decided.reported().retryAfterSeconds() + " s.");
        });
    }

    private Mono<Verdict> checkPublic(ServerWebExchange exchange) {
        var webhook = WEBHOOK.matchAndExtract(exchange.getRequest().getPath().pathWithinApplication());
        return webhook != null
                ? limiter.checkWebhook(webhook.getUriVariables().get("connectionId"))
                : limiter.checkPublic(clients.of(exchange));
    }
}
