package io.touchpoint.gateway.auth;

import io.touchpoint.tenancy.TenantContext;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Authenticates OAuth2 JWT bearer tokens from the configured identity provider, for companies that have one: the
 * decoder checks signature (JWKS, cached), issuer, expiry and audience; the tenant comes from a claim and must be an
 * active tenant of the platform; the scopes come from a claim ({@code scope}, space-separated, or a list such as
 * {@code scp}), keeping only tenant scopes — an identity provider cannot grant {@code admin}.
 */
public final class JwtAuthenticator implements ApiKeyAuthenticator {

    private static final Logger log = LoggerFactory.getLogger(JwtAuthenticator.class);

    private static final Pattern JWT_SHAPE = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final Pattern NOT_TOKEN = Pattern.compile("[^A-Za-z0-9_.:@\\-]");
    private static final int MAX_PRINCIPAL = 120;

    private final ReactiveJwtDecoder decoder;
    private final TenantPlans plans;
    private final String tenantClaim;
    private final String scopesClaim;

    public JwtAuthenticator(ReactiveJwtDecoder decoder, TenantPlans plans, String tenantClaim, String scopesClaim) {
        this.decoder = decoder;
        this.plans = plans;
        this.tenantClaim = tenantClaim;
        this.scopesClaim = scopesClaim;
    }

    /** Whether the token has the shape of a JWS (three dot-separated base64url parts). */
    public static boolean looksLikeJwt(String token) {
        return JWT_SHAPE.matcher(token).matches();
    }

    /**
     * The budget is not asked: checking a signature costs this gateway's CPU only (the key set is cached), and a
     * valid token cannot be forged to reach the tenant lookup after it.
     */
    @Override
    public Mono<Optional<Caller>> authenticate(String token, RejectionBudget budget) {
        if (!looksLikeJwt(token)) {
            return Mono.just(Optional.empty());
        }
        return decoder.decode(token)
                .flatMap(this::caller)
                .onErrorResume(BadJwtException.class, error -> {
                    log.debug("JWT refused: {}", error.getMessage());
                    return Mono.just(Optional.empty());
                })
                // Anything else the decoder raises means it could not check the token at all (the identity
                // provider's key set unreachable): 503 for the caller to retry, not a 401 that says the token is bad.
                .onErrorMap(
                        error -> error instanceof JwtException && !(error instanceof BadJwtException),
                        error -> new CredentialStoreUnavailableException(
                                "the identity provider's keys could not be read", error))
                .defaultIfEmpty(Optional.empty());
    }

    private Mono<Optional<Caller>> caller(Jwt jwt) {
        String tenant = jwt.getClaimAsString(tenantClaim);
        if (tenant == null || NOT_TOKEN.matcher(tenant).find() || jwt.getSubject() == null) {
            log.debug("JWT refused: no usable '{}' or 'sub' claim", tenantClaim);
            return Mono.just(Optional.empty());
        }
        String principal = principal(jwt.getSubject());
        Set<String> scopes = scopes(jwt.getClaim(scopesClaim));
        return plans.planOf(tenant)
                .map(plan ->
                        plan.map(found -> new Caller(new TenantContext(tenant, principal, scopes), principal, found)));
    }

    /** {@code jwt:<sub>}, with characters a tenant context cannot carry replaced. */
    static String principal(String subject) {
        String principal = "jwt:" + NOT_TOKEN.matcher(subject).replaceAll("_");
        return principal.length() > MAX_PRINCIPAL ? principal.substring(0, MAX_PRINCIPAL) : principal;
    }

    static Set<String> scopes(Object claim) {
        Set<String> granted = new LinkedHashSet<>();
        if (claim instanceof String text) {
            for (String scope : text.trim().split("\\s+")) {
                granted.add(scope);
            }
        } else if (claim instanceof Collection<?> values) {
            values.forEach(value -> granted.add(String.valueOf(value)));
        }
        granted.retainAll(Scopes.ALL);
        return Set.copyOf(granted);
    }
}
