package io.touchpoint.ticket.persistence;

import io.touchpoint.starter.outbox.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The collections whose documents carry outbox events, each relayed by the starter. */
@Configuration(proxyBeanMethods = false)
class TicketPersistenceConfiguration {

    @Bean
    OutboxCollection ticketsOutbox() {
        return new OutboxCollection(TicketDocument.COLLECTION);
    }

    /** Replies carry their {@code reply.requested} event. */
    @Bean
    OutboxCollection ticketMessagesOutbox() {
        return new OutboxCollection(TicketMessageDocument.COLLECTION);
    }
}
