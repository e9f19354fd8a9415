package io.touchpoint.gateway.config;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The API keys the gateway accepts until the tenant and key store arrives: bootstrap keys known by their SHA-256, and
 * an optional demo key (all scopes) that the local launcher hands out through the environment.
 */
@ConfigurationProperties("touchpoint.gateway")
public record ApiKeyProperties(
        @DefaultValue List<BootstrapKey> bootstrapKeys, String demoKey, @DefaultValue("demo") String demoTenant) {

    /** One key: the hex SHA-256 of the key itself, and the tenant, principal and scopes it stands for. */
    public record BootstrapKey(String keySha256, String tenant, String principal, @DefaultValue Set<String> scopes) {}
}
