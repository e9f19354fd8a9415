package io.touchpoint.gateway.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * OAuth2 JWT bearer tokens, accepted when an issuer or a JWK set is configured.
 *
 * @param issuerUri the identity provider; tokens must name it in {@code iss} (its JWKS is discovered when
 *     {@code jwkSetUri} is not set)
 * @param jwkSetUri where the signing keys are
 * @param audiences if set, {@code aud} must name one of them
 * @param tenantClaim the claim naming the tenant
 * @param scopesClaim the claim holding the scopes (space-separated string or list)
 */
@ConfigurationProperties("touchpoint.gateway.jwt")
public record JwtProperties(
        String issuerUri,
        String jwkSetUri,
        @DefaultValue List<String> audiences,
        @DefaultValue("tenant_id") String tenantClaim,
        @DefaultValue("scope") String scopesClaim) {}
