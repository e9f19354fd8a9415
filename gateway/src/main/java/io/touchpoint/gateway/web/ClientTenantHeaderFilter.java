package io.touchpoint.gateway.web;

import io.touchpoint.tenancy.TenantContextSigner;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Removes every tenant header a client sent, before anything else looks at the request: only the gateway may say
 * which tenant a request belongs to, and it says so in a header it signs itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ClientTenantHeaderFilter implements WebFilter {

    static final List<String> TENANT_HEADERS =
            List.of(TenantContextSigner.HEADER, "X-Tenant-Id", "X-Principal", "X-Scopes");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        if (TENANT_HEADERS.stream().noneMatch(headers::containsHeader)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(writable -> TENANT_HEADERS.forEach(writable::remove)))
                .build());
    }
}
