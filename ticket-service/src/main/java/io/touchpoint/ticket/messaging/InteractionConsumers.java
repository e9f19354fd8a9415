package io.touchpoint.ticket.messaging;

import io.touchpoint.events.interaction.InteractionReceived;
import io.touchpoint.starter.cloudevents.CloudEventReader;
import io.touchpoint.starter.cloudevents.InvalidCloudEventException;
import io.touchpoint.starter.cloudevents.ReceivedEvent;
import io.touchpoint.ticket.application.InteractionThreading;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * {@code onInteractionReceived}: every inbound customer message, from the channel exchange, threaded into a ticket.
 * The message is acknowledged after the ticket was written; a failure is retried by the binder, then dead-lettered.
 */
@Configuration(proxyBeanMethods = false)
class InteractionConsumers {

    @Bean
    Consumer<Message<byte[]>> onInteractionReceived(CloudEventReader reader, InteractionThreading threading) {
        return message -> {
            ReceivedEvent<InteractionReceived> event = reader.read(message, InteractionReceived.class);
            threading.thread(event.tenantId(), requireThreadable(event));
        };
    }

    /** A message without what threading needs will never have it: straight to the dead-letter queue. */
    private static InteractionReceived requireThreadable(ReceivedEvent<InteractionReceived> event) {
        InteractionReceived interaction = event.payload();
        if (interaction.interactionId() == null
                || interaction.connectionId() == null
                || interaction.channel() == null
                || interaction.customer() == null
                || interaction.customer().value() == null
                || interaction.customer().value().isBlank()
                || interaction.content() == null
                || interaction.receivedAt() == null) {
            throw new InvalidCloudEventException("event " + event.id()
                    + " lacks interactionId, connectionId, channel, customer, content or receivedAt");
        }
        if (interaction.thread() == null) {
            return new InteractionReceived(
                    interaction.interactionId(),
                    interaction.connectionId(),
                    interaction.channel(),
                    interaction.providerMessageId(),
                    interaction.customer(),
                    new InteractionReceived.ThreadHints(null, null, null, null),
                    interaction.content(),
                    interaction.language(),
                    interaction.receivedAt());
        }
        return interaction;
    }
}
