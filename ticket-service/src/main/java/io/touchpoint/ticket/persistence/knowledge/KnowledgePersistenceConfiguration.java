package io.touchpoint.ticket.persistence.knowledge;

import io.touchpoint.ticket.config.KnowledgeProperties;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KnowledgeProperties.class)
class KnowledgePersistenceConfiguration {

    @Bean
    KnowledgeRevisions knowledgeRevisions(MongoTemplate mongo, ObjectProvider<Clock> clock) {
        return new KnowledgeRevisions(mongo, clock.getIfAvailable(Clock::systemUTC));
    }
}
