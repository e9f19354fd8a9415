package io.touchpoint.channel.persistence.outbound;

import io.touchpoint.starter.outbox.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Outbound messages carry their {@code message.delivered}/{@code message.failed} events in an outbox the starter relays. */
@Configuration(proxyBeanMethods = false)
class OutboundPersistenceConfiguration {

    @Bean
    OutboxCollection outboundMessagesOutbox() {
        return new OutboxCollection(OutboundMessageDocument.COLLECTION);
    }
}
