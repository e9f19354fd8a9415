package io.touchpoint.gateway.web;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
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
 * Gives every request an {@code X-Request-Id}: the caller's when it is a plausible id, else a new one. It is
 * forwarded downstream and echoed on the response, including error responses the gateway writes itself.
 *
 * <p>The id is added to the forwarded request's headers (as an {@link HttpHeadersFilter}, when the Gateway builds them)
 * rather than by mutating the exchange: a mutation copies every request header and wraps the exchange once more,
 * for each request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestIdFilter implements WebFilter, HttpHeadersFilter {

    public static final String HEADER = "X-Request-Id";

    public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".requestId";

    /** Anything else (too long, control characters, ...) is replaced rather than copied into logs. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String offered = exchange.getRequest().getHeaders().getFirst(HEADER);
        String requestId = offered != null && ACCEPTED.matcher(offered).matches() ? offered : newRequestId();
        exchange.getAttributes().put(ATTRIBUTE, requestId);
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> {
            response.getHeaders().set(HEADER, requestId);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    /** The forwarded request's headers, with the id this filter chose (the caller's, when it sent one that fits). */
    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        String requestId = exchange.getAttribute(ATTRIBUTE);
        if (requestId == null || requestId.equals(input.getFirst(HEADER))) {
            return input;
        }
        HttpHeaders forwarded = new HttpHeaders();
        forwarded.putAll(input);
        forwarded.set(HEADER, requestId);
        return forwarded;
    }

    private static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "req_" + Long.toHexString(random.nextLong() | Long.MIN_VALUE)
                + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
    }
}
