package io.touchpoint.gateway.web;

import io.touchpoint.gateway.auth.ApiKeyAuthenticator;
import io.touchpoint.gateway.auth.Caller;
import io.touchpoint.gateway.auth.CredentialStoreUnavailableException;
import io.touchpoint.gateway.auth.RejectionBudget;
import io.touchpoint.gateway.auth.RouteScopes;
import io.touchpoint.gateway.tenant.AllowedOrigins;
import io.touchpoint.tenancy.TenantContextSigner;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Authenticates every {@code /v1/**} request, checks that the caller holds the scope the path and method need, and
 * forwards the tenant context in a header it signs, in place of the caller's credentials; stores the {@link Caller}
 * in the exchange for the filters after it (rate limits). Refuses with 401 (no or bad key), 403 (scope missing) or 503
 * (key store down). A key-store lookup needs the request's {@link #REJECTION_BUDGET}; a refused one surfaces as
 * {@code LookupRefusedException} to the filter that gave the budget, which answers 429.
 *
 * <p>Public, forwarded without a context: everything outside {@code /v1/} (provider webhooks, which services check by
 * the provider's signature; health; the API docs page), {@code /v1/openapi.json}, and {@code /v1/public/**}, the one
 * place for endpoints that carry their own proof (survey answers by signed token, the chat widget's public key).
 *
 * <p>CORS: a tenant lists the browser origins of its frontends. A preflight carries no key, so it is allowed for an
 * origin that any active tenant lists; the real request then gets {@code Access-Control-Allow-Origin} only when the
 * authenticated tenant lists the origin, so a browser shows one tenant's data only to that tenant's frontends.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class TenantContextFilter implements WebFilter {

    /** The {@link RejectionBudget} a filter before this one gives the request; without one, nothing is limited. */
    public static final String REJECTION_BUDGET = TenantContextFilter.class.getName() + ".rejectionBudget";

    private static final PathPattern API = PathPatternParser.defaultInstance.parse("/v1/**");
    private static final List<PathPattern> PUBLIC = List.of(
            PathPatternParser.defaultInstance.parse("/v1/openapi.json"),
            PathPatternParser.defaultInstance.parse("/v1/public/**"));
    private static final String BEARER = "Bearer ";
    private static final String EXPOSED_HEADERS = String.join(
            ",",
            "X-Request-Id",
            "ETag",
            "Location",
            "Retry-After",
            "RateLimit-Limit",
            "RateLimit-Remaining",
            "RateLimit-Reset",
            "RateLimit-Policy");
    private static final String PREFLIGHT_MAX_AGE_SECONDS = "600";

    private final ApiKeyAuthenticator authenticator;
    private final SignedContexts signedContexts;
    private final RouteScopes routeScopes;
    private final AllowedOrigins allowedOrigins;
    private final Problems problems;

    public TenantContextFilter(
            ApiKeyAuthenticator authenticator,
            TenantContextSigner signer,
            RouteScopes routeScopes,
            AllowedOrigins allowedOrigins,
            Problems problems) {
        this.authenticator = authenticator;
        this.signedContexts = new SignedContexts(signer, Clock.systemUTC());
        this.routeScopes = routeScopes;
        this.allowedOrigins = allowedOrigins;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        var path = request.getPath().pathWithinApplication();
        if (!API.matches(path) || PUBLIC.stream().anyMatch(pattern -> pattern.matches(path))) {
            return chain.filter(exchange);
        }
        String origin = request.getHeaders().getOrigin();
        if (origin != null && isPreflight(request)) {
            return preflight(exchange, origin);
        }
        Optional<String> token = bearerToken(exchange);
        if (token.isEmpty()) {
            return unauthenticated(exchange);
        }
        RejectionBudget budget = exchange.getAttributeOrDefault(REJECTION_BUDGET, RejectionBudget.UNLIMITED);
        return authenticator
                .authenticate(token.get(), budget)
                .defaultIfEmpty(Optional.empty())
                .onErrorResume(CredentialStoreUnavailableException.class, error -> storeUnavailable(exchange)
                        .then(Mono.empty()))
                .flatMap(caller -> caller.map(found -> authorized(exchange, chain, found, origin))
                        .orElseGet(() -> {
                            budget.spend();
                            return unauthenticated(exchange);
                        }));
    }

    private Mono<Void> authorized(ServerWebExchange exchange, WebFilterChain chain, Caller caller, String origin) {
        ServerHttpRequest request = exchange.getRequest();
        String method = request.getMethod().name();
        String path = request.getPath().pathWithinApplication().value();
        Optional<Set<String>> needed = routeScopes.required(method, path);
        if (needed.isPresent() && needed.get().stream().noneMatch(caller::hasScope)) {
            return insufficientScope(exchange, new TreeSet<>(needed.get()));
        }
        ServerWebExchange forwarded = withContext(exchange, caller);
        forwarded.getAttributes().put(Caller.ATTRIBUTE, caller);
        if (origin == null) {
            return chain.filter(forwarded);
        }
        return allowedOrigins.allowedFor(caller.tenantId(), origin).flatMap(allowed -> {
            if (allowed) {
                HttpHeaders headers = forwarded.getResponse().getHeaders();
                headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
                headers.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
                headers.add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
            }
            return chain.filter(forwarded);
        });
    }

    private Mono<Void> preflight(ServerWebExchange exchange, String origin) {
        return allowedOrigins.allowedByAnyTenant(origin).flatMap(allowed -> {
            ServerHttpResponse response = exchange.getResponse();
            response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
            if (!allowed) {
                return problems.write(
                        exchange,
                        HttpStatus.FORBIDDEN,
                        "origin_not_allowed",
                        "Origin not allowed",
                        "No tenant allows requests from " + origin + ".");
            }
            HttpHeaders requestHeaders = exchange.getRequest().getHeaders();
            HttpHeaders headers = response.getHeaders();
            headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET,HEAD,POST,PUT,PATCH,DELETE");
            List<String> requested = requestHeaders.getAccessControlRequestHeaders();
            if (!requested.isEmpty()) {
                headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, String.join(",", requested));
            }
            headers.set(HttpHeaders.ACCESS_CONTROL_MAX_AGE, PREFLIGHT_MAX_AGE_SECONDS);
            response.setStatusCode(HttpStatus.NO_CONTENT);
            return response.setComplete();
        });
    }

    private ServerWebExchange withContext(ServerWebExchange exchange, Caller caller) {
        String signed = signedContexts.header(caller.context());
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
                "Send a valid API key or access token as 'Authorization: Bearer <credential>'.");
    }

    private Mono<Void> insufficientScope(ServerWebExchange exchange, Set<String> needed) {
        String scopes = String.join(" ", needed);
        exchange.getResponse()
                .getHeaders()
                .set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\", scope=\"" + scopes + "\"");
        return problems.write(
                exchange,
                HttpStatus.FORBIDDEN,
                "insufficient_scope",
                "Insufficient scope",
                "This request needs the scope " + String.join(" or ", needed) + ", which the credential lacks.");
    }

    private Mono<Void> storeUnavailable(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, GatewayErrorHandler.RETRY_AFTER_SECONDS);
        return problems.write(
                exchange,
                HttpStatus.SERVICE_UNAVAILABLE,
                "service_unavailable",
                "Service unavailable",
                "The API key store is not available. Retry later.");
    }

    private static boolean isPreflight(ServerHttpRequest request) {
        return HttpMethod.OPTIONS.equals(request.getMethod())
                && request.getHeaders().containsHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
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
