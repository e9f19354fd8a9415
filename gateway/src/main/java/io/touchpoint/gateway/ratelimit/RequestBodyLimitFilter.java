package io.touchpoint.gateway.ratelimit;

import io.touchpoint.gateway.web.Problems;
import io.touchpoint.gateway.web.RequestBodyTooLargeException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over the configured size with 413 problem+json: up front when {@code Content-Length} says
 * so, and for bodies of unknown length (chunked) by counting bytes as they stream through, failing the forwarding
 * as soon as the limit is passed ({@link RequestBodyTooLargeException}). A web filter rather than the Gateway's
 * route-bound {@code RequestSize} filter, so that it covers every route and the endpoints the gateway serves itself.
 * Runs after rate limiting, so an oversized request still costs a token.
 */
public class RequestBodyLimitFilter implements WebFilter, Ordered {

    public static final int ORDER = RateLimitFilter.ORDER + 10;

    private final long defaultLimit;
    private final Map<PathPattern, Long> limitsByPath = new LinkedHashMap<>();
    private final Problems problems;

    public RequestBodyLimitFilter(RequestBodyLimitProperties properties, Problems problems) {
        this.defaultLimit = properties.maxRequestBody().toBytes();
        properties
                .maxRequestBodyByPath()
                .forEach((pattern, size) ->
                        limitsByPath.put(PathPatternParser.defaultInstance.parse(pattern), size.toBytes()));
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long limit = limitFor(request.getPath().pathWithinApplication());
        long contentLength = request.getHeaders().getContentLength();
        if (contentLength > limit) {
            return tooLarge(exchange, limit);
        }
        if (contentLength >= 0) {
            // The server reads exactly Content-Length bytes, never more: nothing left to count.
            return chain.filter(exchange);
        }
        AtomicBoolean exceeded = new AtomicBoolean();
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().map(buffer -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                        DataBufferUtils.release(buffer);
                        exceeded.set(true);
                        throw new RequestBodyTooLargeException(limit);
                    }
                    return buffer;
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build()).onErrorResume(error -> {
            // Whatever the forwarding turned our exception into, the cause was the body's size.
            if (exceeded.get() && !exchange.getResponse().isCommitted()) {
                return tooLarge(exchange, limit);
            }
            return Mono.error(error);
        });
    }

    long limitFor(PathContainer path) {
        for (Map.Entry<PathPattern, Long> entry : limitsByPath.entrySet()) {
            if (entry.getKey().matches(path)) {
                return entry.getValue();
            }
        }
        return defaultLimit;
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange, long limit) {
        return problems.write(
                exchange,
                HttpStatus.valueOf(413),
                "payload_too_large",
                "Payload too large",
                "The request body is larger than the " + limit + " bytes accepted on this path.");
    }
}
