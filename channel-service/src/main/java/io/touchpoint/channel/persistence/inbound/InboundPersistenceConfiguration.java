package io.touchpoint.channel.persistence;

import io.touchpoint.starter.outbox.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The collections whose documents carry outbox events, each relayed by the starter. */
@Configuration(proxyBeanMethods = false)
class ChannelPersistenceConfiguration {

    @Bean
    OutboxCollection inboundMessagesOutbox() {
        return new OutboxCollection(InboundMessageDocument.COLLECTION);
    }

    @Bean
    OutboxCollection outboundMessagesOutbox() {
        return new OutboxCollection(OutboundMessageDocument.COLLECTION);
    }
}
