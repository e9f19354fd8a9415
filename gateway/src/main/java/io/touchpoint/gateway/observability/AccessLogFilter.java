package io.touchpoint.gateway.observability;

import io.micrometer.tracing.TraceContext;
import io.touchpoint.gateway.auth.Caller;
import io.touchpoint.gateway.web.ClientAddresses;
import io.touchpoint.gateway.web.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One line per request on {@code io.touchpoint.gateway.access}, written when the response completes: method, path
 * (never the query string, which may carry tokens), route, status, latency, tenant and key id, the client's address,
 * request id and trace id. Never headers or bodies.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class AccessLogFilter implements WebFilter {

    static final String LOGGER = "io.touchpoint.gateway.access";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private final ClientAddresses clients;

    public AccessLogFilter(ClientAddresses clients) {
        this.clients = clients;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!log.isInfoEnabled()) {
            return chain.filter(exchange);
        }
        long started = System.nanoTime();
        return chain.filter(exchange).doFinally(signal -> log(exchange, started, signal.toString()));
    }

    private void log(ServerWebExchange exchange, long started, String signal) {
        long latencyMillis = (System.nanoTime() - started) / 1_000_000;
        Caller caller = exchange.getAttribute(Caller.ATTRIBUTE);
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        log.info(
                "{} {} route={} status={} latency_ms={} tenant={} key={} client={} request_id={} trace_id={}{}",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value(),
                route != null ? route.getId() : "-",
                status != null ? status.value() : "-",
                latencyMillis,
                caller != null ? caller.tenantId() : "-",
                caller != null ? caller.credentialId() : "-",
                clients.of(exchange),
                orDash(exchange.getAttribute(RequestIdFilter.ATTRIBUTE)),
                traceId(exchange),
                "cancel".equals(signal) ? " cancelled=true" : "");
    }

    private static String traceId(ServerWebExchange exchange) {
        return ServerSpans.current(exchange).map(TraceContext::traceId).orElse("-");
    }

    private static String orDash(Object value) {
        return value != null ? value.toString() : "-";
    }
}
