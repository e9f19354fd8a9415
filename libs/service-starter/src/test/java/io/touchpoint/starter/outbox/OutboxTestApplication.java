package io.touchpoint.starter.outbox;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** A service with one outbox collection, {@code tickets}, as a service declares it. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class OutboxTestApplication {

    @Bean
    OutboxCollection ticketsOutbox() {
        return new OutboxCollection(TicketDocument.COLLECTION);
    }
}
