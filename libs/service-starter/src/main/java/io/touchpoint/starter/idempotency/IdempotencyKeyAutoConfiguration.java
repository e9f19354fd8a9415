package io.touchpoint.starter.idempotency;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;

/** {@code Idempotency-Key} support for {@code POST} requests, remembered in the service's MongoDB. */
@AutoConfiguration(after = DataMongoAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnProperty(prefix = "touchpoint.idempotency", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyKeyAutoConfiguration {

    @Bean
    @ConditionalOnBean(IdempotencyRecordStore.class)
    @ConditionalOnMissingBean(name = "idempotencyKeyFilter")
    public FilterRegistrationBean<IdempotencyKeyFilter> idempotencyKeyFilter(
            IdempotencyRecordStore store, IdempotencyProperties properties, ObjectProvider<Clock> clock) {
        IdempotencyKeyFilter filter =
                new IdempotencyKeyFilter(store, properties, clock.getIfAvailable(Clock::systemUTC));
        FilterRegistrationBean<IdempotencyKeyFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(IdempotencyKeyFilter.ORDER);
        return registration;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MongoOperations.class)
    static class MongoStoreConfiguration {

        @Bean
        @ConditionalOnBean(MongoOperations.class)
        @ConditionalOnMissingBean(IdempotencyRecordStore.class)
        MongoIdempotencyRecordStore mongoIdempotencyRecordStore(MongoOperations mongo) {
            return new MongoIdempotencyRecordStore(mongo);
        }
    }
}
