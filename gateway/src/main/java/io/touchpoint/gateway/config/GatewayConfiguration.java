package io.touchpoint.gateway.config;

import io.touchpoint.gateway.auth.ApiKeyAuthenticator;
import io.touchpoint.gateway.auth.BootstrapKeyAuthenticator;
import io.touchpoint.gateway.auth.Scopes;
import io.touchpoint.tenancy.TenantContext;
import io.touchpoint.tenancy.TenantContextSigner;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GatewayConfiguration.class);

    /** Only used by verifiers; signing stamps the current time whatever the validity. */
    private static final Duration SIGNATURE_VALIDITY = Duration.ofSeconds(30);

    @Bean
    TenantContextSigner tenantContextSigner(TenantContextProperties properties) {
        if (!StringUtils.hasText(properties.key())) {
            throw new IllegalStateException(
                    "touchpoint.tenant-context.key (env TOUCHPOINT_TENANT_CONTEXT_KEY) is not set:"
                            + " the gateway needs the key it shares with the services to sign tenant contexts");
        }
        return TenantContextSigner.fromSecret(properties.key(), SIGNATURE_VALIDITY, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    ApiKeyAuthenticator apiKeyAuthenticator(ApiKeyProperties properties) {
        List<BootstrapKeyAuthenticator.Entry> entries = new ArrayList<>();
        for (int i = 0; i < properties.bootstrapKeys().size(); i++) {
            ApiKeyProperties.BootstrapKey key = properties.bootstrapKeys().get(i);
            try {
                entries.add(BootstrapKeyAuthenticator.entry(
                        key.keySha256(), new TenantContext(key.tenant(), key.principal(), key.scopes())));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        "touchpoint.gateway.bootstrap-keys[" + i + "] is invalid: " + e.getMessage(), e);
            }
        }
        if (StringUtils.hasText(properties.demoKey())) {
            entries.add(BootstrapKeyAuthenticator.clearTextEntry(
                    properties.demoKey(), new TenantContext(properties.demoTenant(), "key_demo", Scopes.ALL)));
            log.warn(
                    "Demo API key enabled for tenant '{}' with all scopes; do not set TOUCHPOINT_DEMO_API_KEY in production",
                    properties.demoTenant());
        }
        log.info("Accepting {} bootstrap API key(s)", entries.size());
        return new BootstrapKeyAuthenticator(entries);
    }
}
