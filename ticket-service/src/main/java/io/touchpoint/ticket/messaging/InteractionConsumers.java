package io.touchpoint.ticket.messaging;

import io.touchpoint.events.interaction.InteractionReceived;
import io.touchpoint.starter.cloudevents.CloudEventReader;
import io.touchpoint.starter.cloudevents.InvalidCloudEventException;
import io.touchpoint.starter.cloudevents.ReceivedEvent;
import io.touchpoint.ticket.application.InteractionThreading;
import io.touchpoint.ticket.application.InteractionThreading.Threaded;
import io.touchpoint.ticket.application.routing.CustomerMessageRouting;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * {@code onInteractionReceived}: every inbound customer message, from the channel exchange, threaded into a ticket and
 * routed (triage, the bot's first response, the agent's inbox). The message is acknowledged after both; a failure is
 * retried by the binder, then dead-lettered.
 */
@Configuration(proxyBeanMethods = false)
class InteractionConsumers {

    @Bean
    Consumer<Message<byte[]>> onInteractionReceived(
            CloudEventReader reader, InteractionThreading threading, CustomerMessageRouting routing) {
        return message -> {
            ReceivedEvent<InteractionReceived> event = reader.read(message, InteractionReceived.class);
            InteractionReceived interaction = requireThreadable(event);
            Threaded threaded = threading.thread(event.tenantId(), interaction);
            // Also after a redelivery (DUPLICATE): routing is idempotent and may not have finished the first time.
            routing.afterThreading(event.tenantId(), interaction, threaded);
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
