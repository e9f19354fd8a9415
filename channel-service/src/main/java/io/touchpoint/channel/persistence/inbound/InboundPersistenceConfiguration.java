package io.touchpoint.channel.persistence.inbound;

import io.touchpoint.starter.outbox.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Inbound messages carry their {@code interaction.received} events in an outbox the starter relays. */
@Configuration(proxyBeanMethods = false)
class InboundPersistenceConfiguration {

    @Bean
    OutboxCollection inboundMessagesOutbox() {
        return new OutboxCollection(InboundMessageDocument.COLLECTION);
    }
}
