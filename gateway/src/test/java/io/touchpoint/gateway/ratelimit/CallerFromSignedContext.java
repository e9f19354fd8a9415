package io.touchpoint.gateway.ratelimit;

import io.touchpoint.gateway.auth.Caller;
import io.touchpoint.tenancy.TenantContext;
import io.touchpoint.tenancy.TenantContextSigner;
import java.time.Clock;
import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Stands in for the authentication filter's {@link Caller} until it stores one itself: builds it from the tenant
 * context the real filter signed, with the default plan. Does nothing when a {@link Caller} is already there.
 */
final class CallerFromSignedContext implements WebFilter, Ordered {

    private final TenantContextSigner verifier;

    CallerFromSignedContext(String sharedKey) {
        this.verifier = TenantContextSigner.fromSecret(sharedKey, Duration.ofSeconds(30), Clock.systemUTC());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 15;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String signed = exchange.getRequest().getHeaders().getFirst(TenantContextSigner.HEADER);
        if (signed != null && exchange.getAttribute(Caller.ATTRIBUTE) == null) {
            TenantContext context = verifier.verify(signed);
            exchange.getAttributes().put(Caller.ATTRIBUTE, new Caller(context, context.principal(), "standard"));
        }
        return chain.filter(exchange);
    }
}
