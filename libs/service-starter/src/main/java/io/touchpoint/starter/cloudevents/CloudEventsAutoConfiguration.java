package io.touchpoint.starter.cloudevents;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.messaging.converter.MessageConverter;

/**
 * CloudEvents publishing (with publisher confirms), reading (also the raw bodies stream consumers get), and the
 * declaration of the produced exchanges.
 */
@AutoConfiguration(after = RabbitAutoConfiguration.class)
@EnableConfigurationProperties(CloudEventsProperties.class)
public class CloudEventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CloudEventReader cloudEventReader() {
        return new CloudEventReader();
    }

    /** Ahead of Spring Cloud Function's converters, which would try to parse every consumed body first. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @ConditionalOnClass(name = "org.springframework.cloud.function.context.FunctionCatalog")
    MessageConverter rawBodyMessageConverter() {
        return new RawBodyMessageConverter();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RabbitTemplate.class)
    @ConditionalOnBean(ConnectionFactory.class)
    static class Publishing {

        @Bean
        @ConditionalOnMissingBean
        CloudEventPublisher cloudEventPublisher(
                ConnectionFactory connectionFactory,
                CloudEventsProperties properties,
                ObjectProvider<MeterRegistry> meters) {
            return new CloudEventPublisher(
                    connectionFactory, properties.confirmTimeout(), meters.getIfAvailable(SimpleMeterRegistry::new));
        }

        @Bean
        Declarables touchpointEventExchanges(CloudEventsProperties properties) {
            return new Declarables(properties.exchanges().stream()
                    .map(name -> (Declarable) new TopicExchange(name, true, false))
                    .toList());
        }
    }
}
