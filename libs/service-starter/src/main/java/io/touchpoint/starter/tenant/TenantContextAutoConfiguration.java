package io.touchpoint.starter.tenant;

import io.touchpoint.tenancy.TenantContextSigner;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Verifies the gateway-signed tenant context on protected paths and exposes it to application code as
 * {@link CurrentTenant} and as a {@code TenantContext} controller parameter.
 */
@AutoConfiguration
@EnableConfigurationProperties(TenantContextProperties.class)
public class TenantContextAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public CurrentTenant currentTenant() {
        return new CurrentTenant();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = Type.SERVLET)
    static class ServletTenantContextConfiguration {

        @Bean
        @ConditionalOnMissingBean
        TenantContextSigner tenantContextSigner(TenantContextProperties properties, ObjectProvider<Clock> clock) {
            String key = properties.key();
            if (key == null || key.isBlank()) {
                throw new IllegalStateException(
                        "touchpoint.tenant-context.key is not set: the service cannot verify the"
                                + " gateway's tenant context. Set TOUCHPOINT_TENANT_CONTEXT_KEY to the key the gateway uses.");
            }
            try {
                return TenantContextSigner.fromSecret(
                        key, properties.validity(), clock.getIfAvailable(Clock::systemUTC));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("touchpoint.tenant-context is invalid: " + e.getMessage(), e);
            }
        }

        @Bean
        @ConditionalOnMissingBean(name = "tenantContextFilter")
        FilterRegistrationBean<TenantContextFilter> tenantContextFilter(
                TenantContextSigner signer, TenantContextProperties properties) {
            TenantContextFilter filter =
                    new TenantContextFilter(signer, properties.protectedPaths(), properties.excludedPaths());
            FilterRegistrationBean<TenantContextFilter> registration = new FilterRegistrationBean<>(filter);
            registration.setOrder(TenantContextFilter.ORDER);
            return registration;
        }

        @Bean
        WebMvcConfigurer tenantContextArgumentResolverConfigurer() {
            return new WebMvcConfigurer() {
                @Override
                public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                    resolvers.add(new TenantContextArgumentResolver());
                }
            };
        }
    }
}
