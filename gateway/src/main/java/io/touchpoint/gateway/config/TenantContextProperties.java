package io.touchpoint.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The key shared with the services, with which the gateway signs the tenant context of each request. */
@ConfigurationProperties("touchpoint.tenant-context")
public record TenantContextProperties(String key) {}
