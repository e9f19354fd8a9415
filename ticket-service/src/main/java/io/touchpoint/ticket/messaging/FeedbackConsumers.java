package io.touchpoint.ticket.messaging;

import io.touchpoint.events.feedback.FeedbackSubmitted;
import io.touchpoint.starter.cloudevents.CloudEventReader;
import io.touchpoint.starter.cloudevents.InvalidCloudEventException;
import io.touchpoint.starter.cloudevents.ReceivedEvent;
import io.touchpoint.ticket.application.feedback.FeedbackReactions;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * {@code onFeedbackSubmitted}: customers' ratings, from the feedback exchange; a low rating of a ticket reopens or
 * escalates it. Acknowledged after the ticket was written; applying an event twice changes the ticket once.
 */
@Configuration(proxyBeanMethods = false)
class FeedbackConsumers {

    @Bean
    Consumer<Message<byte[]>> onFeedbackSubmitted(CloudEventReader reader, FeedbackReactions reactions) {
        return message -> {
            ReceivedEvent<FeedbackSubmitted> event = reader.read(message, FeedbackSubmitted.class);
            if (event.payload().kind() == null) {
                throw new InvalidCloudEventException("event " + event.id() + " rates on no survey kind");
            }
            reactions.submitted(event.tenantId(), event.id(), event.payload());
        };
    }
}
