package io.touchpoint.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The credentials the gateway accepts besides the keys it issued: the platform's admin key (the bootstrap of the admin
 * API), keys fixed in configuration and known by their SHA-256, and an optional demo key (all tenant scopes) that the
 * local launcher hands out through the environment. Secrets come from the environment, never from a file.
 *
 * @param adminKey the admin key in clear text (env {@code TOUCHPOINT_ADMIN_API_KEY}), or
 * @param adminKeySha256 its hex SHA-256
 * @param keys how long lookups of issued keys are cached, and how often their use is recorded
 * @param routeScopes the scope each path and method needs; empty: the built-in table
 */
@ConfigurationProperties("touchpoint.gateway")
public record ApiKeyProperties(
        @DefaultValue List<BootstrapKey> bootstrapKeys,
        String demoKey,
        @DefaultValue("demo") String demoTenant,
        String adminKey,
        String adminKeySha256,
        @DefaultValue Keys keys,
        @DefaultValue List<RouteScope> routeScopes) {

    /** One key: the hex SHA-256 of the key itself, and the tenant, principal, scopes and plan it stands for. */
    public record BootstrapKey(
            String keySha256,
            String tenant,
            String principal,
            @DefaultValue Set<String> scopes,
            @DefaultValue("standard") String plan) {}

    /**
     * @param cacheMaxAge how long a key lookup (found or not) is reused: the most a revocation takes to apply on every
     *     replica
     * @param touchInterval {@code lastUsedAt} is written at most this often per key and replica
     * @param originsMaxAge how long the tenants' CORS origins are reused
     * @param defaultPlan the plan of a tenant created without one
     */
    public record Keys(
            @DefaultValue("2s") Duration cacheMaxAge,
            @DefaultValue("1m") Duration touchInterval,
            @DefaultValue("5s") Duration originsMaxAge,
            @DefaultValue("standard") String defaultPlan) {}

    /** A row of the scope table: a path ({@code /v1/x/**} or exact), methods (none: all), scopes of which one is needed. */
    public record RouteScope(String path, @DefaultValue Set<String> methods, Set<String> anyOf) {}
}
