package io.touchpoint.gateway.web;

import io.touchpoint.gateway.auth.ApiKeyAuthenticator;
import io.touchpoint.tenancy.TenantContext;
import io.touchpoint.tenancy.TenantContextSigner;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Authenticates every {@code /v1/**} request and forwards the tenant context it stands for in a signed header, in
 * place of the caller's credentials; refuses the request with 401 when it does not. Other paths (provider webhooks,
 * health) pass without a context.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class TenantContextFilter implements WebFilter {

    private static final PathPattern API = PathPatternParser.defaultInstance.parse("/v1/**");
    private static final String BEARER = "Bearer ";

    private final ApiKeyAuthenticator authenticator;
    private final TenantContextSigner signer;
    private final Problems problems;

    public TenantContextFilter(ApiKeyAuthenticator authenticator, TenantContextSigner signer, Problems problems) {
        this.authenticator = authenticator;
        this.signer = signer;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!API.matches(exchange.getRequest().getPath().pathWithinApplication())) {
            return chain.filter(exchange);
        }
        return bearerToken(exchange)
                .map(authenticator::authenticate)
                .orElseGet(() -> Mono.just(Optional.empty()))
                .defaultIfEmpty(Optional.empty())
                .flatMap(context -> context.map(tenant -> chain.filter(withContext(exchange, tenant)))
                        .orElseGet(() -> unauthenticated(exchange)));
    }

    private ServerWebExchange withContext(ServerWebExchange exchange, TenantContext context) {
        String signed = signer.sign(context);
        return exchange.mutate()
                .request(request -> request.headers(headers -> {
                    headers.set(TenantContextSigner.HEADER, signed);
                    // Services trust the signed context only; the caller's key has no business in their logs.
                    headers.remove(HttpHeaders.AUTHORIZATION);
                }))
                .build();
    }

    private Mono<Void> unauthenticated(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return problems.write(
                exchange,
                HttpStatus.UNAUTHORIZED,
                "unauthenticated",
                "Authentication required",
                "Send a valid API key as 'Authorization: Bearer <key>'.");
    }

    private static Optional<String> bearerToken(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
