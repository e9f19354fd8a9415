package io.touchpoint.gateway.observability;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.propagation.Propagator;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Continues the trace into the service: the forwarded request carries the W3C trace context of the gateway's server
 * span, in place of whatever the caller sent. This is what the Gateway's client observation would do, without its second
 * observation per request (a client span, a timer and a long task timer, all on the request's path), which is why
 * {@code spring.cloud.gateway.server.webflux.observability.enabled} is off.
 */
@Component
class TraceContextHeadersFilter implements HttpHeadersFilter {

    /** Null when tracing is off. Resolved once: looking it up per request cost more than the rest of this filter. */
    private final Propagator propagator;

    TraceContextHeadersFilter(ObjectProvider<Propagator> propagator) {
        this.propagator = propagator.getIfAvailable();
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        Optional<TraceContext> span = ServerSpans.current(exchange);
        if (propagator == null || span.isEmpty()) {
            return input;
        }
        HttpHeaders forwarded = new HttpHeaders();
        forwarded.putAll(input);
        propagator.fields().forEach(forwarded::remove);
        propagator.inject(span.get(), forwarded, HttpHeaders::set);
        return forwarded;
    }
}
