package io.touchpoint.starter.tenant;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service checks the tenant context the gateway signs.
 *
 * @param key the key shared with the gateway (text of at least 32 bytes, or base64 of at least 32 bytes); required
 * @param validity how old a signed header may be
 * @param protectedPaths path patterns that require a valid header
 * @param excludedPaths path patterns that never do, even when a protected pattern matches (actuator, provider
 *     webhooks, which are authenticated by the provider's own signature)
 */
@ConfigurationProperties("touchpoint.tenant-context")
public record TenantContextProperties(
        String key,
        @DefaultValue("30s") Duration validity,
        @DefaultValue("/v1/**") List<String> protectedPaths,
        @DefaultValue({"/actuator/**", "/webhooks/**"}) List<String> excludedPaths) {}
