package io.touchpoint.starter.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Metric tags and health checks every service shares. The rest of the observability defaults (exposed endpoints,
 * probe groups, tracing, RabbitMQ observations) are properties in
 * {@code META-INF/touchpoint/defaults/web-and-observability.properties}.
 */
@AutoConfiguration(after = DataMongoAutoConfiguration.class, before = MongoHealthContributorAutoConfiguration.class)
public class ObservabilityAutoConfiguration {

    /** Tag names that would carry a tenant: one time series per tenant is a cardinality bomb, and tenant data. */
    static final String[] TENANT_TAGS = {"tenant", "tenantId", "tenant_id", "tenant.id"};

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({MeterRegistry.class, MeterRegistryCustomizer.class})
    static class MetricsConfiguration {

        @Bean
        MeterRegistryCustomizer<MeterRegistry> applicationTagCustomizer(Environment environment) {
            String application = environment.getProperty("spring.application.name");
            return registry -> {
                if (application != null && !application.isBlank()) {
                    registry.config().commonTags("application", application);
                }
            };
        }

        @Bean
        MeterFilter tenantFreeMetricTags() {
            return MeterFilter.ignoreTags(TENANT_TAGS);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({MongoTemplate.class, HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
    @ConditionalOnBean(MongoTemplate.class)
    @ConditionalOnEnabledHealthIndicator("mongo-ping")
    static class MongoHealthConfiguration {

        /** Named so that it shows as {@code mongo} in the health groups, and so that Boot's own backs off. */
        @Bean
        @ConditionalOnMissingBean(name = "mongoHealthIndicator")
        MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
            return new MongoPingHealthIndicator(mongo);
        }
    }
}
