package io.touchpoint.starter.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.touchpoint.starter.cloudevents.CloudEventPublisher;
import io.touchpoint.starter.cloudevents.CloudEventsAutoConfiguration;
import io.touchpoint.starter.consumer.IdempotentConsumerProperties;
import io.touchpoint.starter.consumer.ProcessedEventStore;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The transactional outbox (one relay per collection declared with {@link OutboxCollection} beans or
 * {@code touchpoint.outbox.collections}) and the idempotent-consumer store, both built on the service's MongoDB.
 */
@AutoConfiguration(after = {DataMongoAutoConfiguration.class, CloudEventsAutoConfiguration.class})
@ConditionalOnClass(MongoTemplate.class)
@ConditionalOnBean(MongoTemplate.class)
@EnableConfigurationProperties({OutboxProperties.class, IdempotentConsumerProperties.class})
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(CloudEventPublisher.class)
    OutboxRelays outboxRelays(
            MongoTemplate mongo,
            CloudEventPublisher publisher,
            OutboxProperties properties,
            ObjectProvider<OutboxCollection> declared,
            ObjectProvider<MeterRegistry> meters,
            Environment environment) {
        Set<String> collections = new LinkedHashSet<>(properties.collections());
        declared.orderedStream().map(OutboxCollection::name).forEach(collections::add);
        String owner = owner(environment);
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        return new OutboxRelays(
                collections.stream()
                        .map(name -> new OutboxRelay(name, mongo, publisher, owner, properties, registry))
                        .toList(),
                properties);
    }

    @Bean
    @ConditionalOnBean(OutboxRelays.class)
    OutboxSaveTrigger outboxSaveTrigger(OutboxRelays relays) {
        return new OutboxSaveTrigger(relays);
    }

    @Bean
    @ConditionalOnMissingBean
    ProcessedEventStore processedEventStore(MongoTemplate mongo, IdempotentConsumerProperties properties) {
        return new ProcessedEventStore(mongo, properties.processedEventsRetention());
    }

    /** Identifies this replica in leases, for whoever inspects a stuck document. */
    private static String owner(Environment environment) {
        String application = environment.getProperty("spring.application.name", "touchpoint");
        String host = environment.getProperty("HOSTNAME", "local");
        return application + "@" + host + "#" + UUID.randomUUID().toString().substring(0, 8);
    }
}
