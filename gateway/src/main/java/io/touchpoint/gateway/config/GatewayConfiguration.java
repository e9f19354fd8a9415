package io.touchpoint.gateway.config;

import io.touchpoint.gateway.auth.ApiKeyAuthenticator;
import io.touchpoint.gateway.auth.BootstrapKeyAuthenticator;
import io.touchpoint.gateway.auth.Caller;
import io.touchpoint.gateway.auth.CompositeApiKeyAuthenticator;
import io.touchpoint.gateway.auth.JwtAuthenticator;
import io.touchpoint.gateway.auth.RouteScopes;
import io.touchpoint.gateway.auth.Scopes;
import io.touchpoint.gateway.tenant.AllowedOrigins;
import io.touchpoint.gateway.tenant.CachedTenantPlans;
import io.touchpoint.gateway.tenant.MongoPingHealthIndicator;
import io.touchpoint.gateway.tenant.StoredKeyAuthenticator;
import io.touchpoint.gateway.tenant.TenantDirectory;
import io.touchpoint.gateway.tenant.TenantManagement;
import io.touchpoint.gateway.web.ClientAddresses;
import io.touchpoint.gateway.web.ForwardedHeaders;
import io.touchpoint.tenancy.TenantContext;
import io.touchpoint.tenancy.TenantContextSigner;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.util.StringUtils;
import reactor.util.retry.Retry;

@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GatewayConfiguration.class);

    /** Only used by verifiers; signing stamps the current time whatever the validity. */
    private static final Duration SIGNATURE_VALIDITY = Duration.ofSeconds(30);

    /** The caller the admin key stands for: the platform itself, allowed the admin API and nothing else. */
    static final Caller PLATFORM_ADMIN =
            new Caller(new TenantContext("platform", "key_admin", Set.of(Scopes.ADMIN)), "key_admin", "enterprise");

    @Bean
    TenantContextSigner tenantContextSigner(TenantContextProperties properties) {
        if (!StringUtils.hasText(properties.key())) {
            throw new IllegalStateException(
                    "touchpoint.tenant-context.key (env TOUCHPOINT_TENANT_CONTEXT_KEY) is not set:"
                            + " the gateway needs the key it shares with the services to sign tenant contexts");
        }
        return TenantContextSigner.fromSecret(properties.key(), SIGNATURE_VALIDITY, Clock.systemUTC());
    }

    /** How the gateway tells clients apart behind load balancers: see {@link ClientAddresses}. */
    @Bean
    ClientAddresses clientAddresses(@Value("${touchpoint.gateway.trusted-proxies:0}") int trustedProxies) {
        return new ClientAddresses(trustedProxies);
    }

    @Bean
    ForwardedHeaders forwardedHeaders(ClientAddresses clients) {
        return new ForwardedHeaders(clients);
    }

    @Bean
    TenantDirectory tenantDirectory(ReactiveMongoTemplate mongo) {
        return new TenantDirectory(mongo);
    }

    @Bean
    StoredKeyAuthenticator storedKeyAuthenticator(TenantDirectory directory, ApiKeyProperties properties) {
        return new StoredKeyAuthenticator(
                directory,
                Clock.systemUTC(),
                properties.keys().cacheMaxAge(),
                properties.keys().touchInterval());
    }

    @Bean
    TenantManagement tenantManagement(
            TenantDirectory directory, StoredKeyAuthenticator authenticator, ApiKeyProperties properties) {
        return new TenantManagement(
                directory, authenticator, Clock.systemUTC(), properties.keys().defaultPlan());
    }

    @Bean
    AllowedOrigins allowedOrigins(TenantDirectory directory, ApiKeyProperties properties) {
        return new AllowedOrigins(directory, properties.keys().originsMaxAge());
    }

    @Bean
    RouteScopes routeScopes(ApiKeyProperties properties) {
        if (properties.routeScopes().isEmpty()) {
            return RouteScopes.defaults();
        }
        return new RouteScopes(properties.routeScopes().stream()
                .map(row -> new RouteScopes.Rule(row.path(), row.methods(), row.anyOf()))
                .toList());
    }

    /** Named so that it shows as {@code mongo} in the health groups, and so that Boot's own (sending hello) backs off. */
    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(TenantDirectory directory) {
        return new MongoPingHealthIndicator(directory);
    }

    /** A key lookup on a database that does not answer fails in seconds (503), not after the driver's 30 s. */
    @Bean
    MongoClientSettingsBuilderCustomizer failFastMongoClient() {
        return settings -> settings.applyToClusterSettings(
                        cluster -> cluster.serverSelectionTimeout(3, TimeUnit.SECONDS))
                .applyToSocketSettings(
                        socket -> socket.connectTimeout(2, TimeUnit.SECONDS).readTimeout(5, TimeUnit.SECONDS));
    }

    /** Creates the store's indexes once the database answers, without holding up start-up while it does not. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> tenantIndexes(TenantDirectory directory) {
        return event -> directory
                .createIndexes()
                .doOnError(error -> log.warn("Could not create the API key indexes yet: {}", error.toString()))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
                .subscribe();
    }

    @Bean
    @Primary
    ApiKeyAuthenticator apiKeyAuthenticator(
            ApiKeyProperties properties, JwtProperties jwt, StoredKeyAuthenticator stored, TenantDirectory directory) {
        List<ApiKeyAuthenticator> authenticators = new ArrayList<>(List.of(bootstrapAuthenticator(properties), stored));
        jwtDecoder(jwt)
                .ifPresent(decoder -> authenticators.add(new JwtAuthenticator(
                        decoder,
                        new CachedTenantPlans(directory, properties.keys().cacheMaxAge()),
                        jwt.tenantClaim(),
                        jwt.scopesClaim())));
        return new CompositeApiKeyAuthenticator(authenticators);
    }

    private static Optional<ReactiveJwtDecoder> jwtDecoder(JwtProperties jwt) {
        boolean issuer = StringUtils.hasText(jwt.issuerUri());
        if (!issuer && !StringUtils.hasText(jwt.jwkSetUri())) {
            return Optional.empty();
        }
        NimbusReactiveJwtDecoder decoder = StringUtils.hasText(jwt.jwkSetUri())
                ? NimbusReactiveJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build()
                : NimbusReactiveJwtDecoder.withIssuerLocation(jwt.issuerUri()).build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(issuer ? JwtValidators.createDefaultWithIssuer(jwt.issuerUri()) : JwtValidators.createDefault());
        if (!jwt.audiences().isEmpty()) {
            validators.add(new JwtClaimValidator<List<String>>(
                    JwtClaimNames.AUD,
                    audience -> audience != null && audience.stream().anyMatch(jwt.audiences()::contains)));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        log.info(
                "Accepting JWT bearer tokens from {} (tenant claim '{}', scopes claim '{}')",
                issuer ? jwt.issuerUri() : jwt.jwkSetUri(),
                jwt.tenantClaim(),
                jwt.scopesClaim());
        return Optional.of(decoder);
    }

    private static BootstrapKeyAuthenticator bootstrapAuthenticator(ApiKeyProperties properties) {
        List<BootstrapKeyAuthenticator.Entry> entries = new ArrayList<>();
        if (StringUtils.hasText(properties.adminKeySha256())) {
            try {
                entries.add(BootstrapKeyAuthenticator.entry(properties.adminKeySha256(), PLATFORM_ADMIN));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("touchpoint.gateway.admin-key-sha256 is invalid: " + e.getMessage(), e);
            }
        }
        if (StringUtils.hasText(properties.adminKey())) {
            entries.add(BootstrapKeyAuthenticator.clearTextEntry(properties.adminKey(), PLATFORM_ADMIN));
        }
        if (entries.isEmpty()) {
            log.info("No admin key configured (TOUCHPOINT_ADMIN_API_KEY): the admin API refuses every caller");
        }
        for (int i = 0; i < properties.bootstrapKeys().size(); i++) {
            ApiKeyProperties.BootstrapKey key = properties.bootstrapKeys().get(i);
            try {
                TenantContext context = new TenantContext(key.tenant(), key.principal(), key.scopes());
                entries.add(BootstrapKeyAuthenticator.entry(
                        key.keySha256(), new Caller(context, key.principal(), key.plan())));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalStateException(
                        "touchpoint.gateway.bootstrap-keys[" + i + "] is invalid: " + e.getMessage(), e);
            }
        }
        if (StringUtils.hasText(properties.demoKey())) {
            entries.add(BootstrapKeyAuthenticator.clearTextEntry(
                    properties.demoKey(),
                    new Caller(
                            new TenantContext(properties.demoTenant(), "key_demo", Scopes.ALL),
                            "key_demo",
                            "standard")));
            log.warn(
                    "Demo API key enabled for tenant '{}' with all scopes; do not set TOUCHPOINT_DEMO_API_KEY in production",
                    properties.demoTenant());
        }
        log.info("Accepting {} configured API key(s) besides the issued ones", entries.size());
        return new BootstrapKeyAuthenticator(entries);
    }
}
