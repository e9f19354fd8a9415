package io.touchpoint.channel.messaging;

import io.touchpoint.channel.application.outbound.OutboundRequests;
import io.touchpoint.events.reply.ReplyRequested;
import io.touchpoint.events.survey.SurveyRequested;
import io.touchpoint.starter.cloudevents.CloudEventReader;
import io.touchpoint.starter.cloudevents.InvalidCloudEventException;
import io.touchpoint.starter.cloudevents.ReceivedEvent;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * {@code onReplyRequested} ({@code touchpoint.ticket}, {@code reply.requested}) and {@code onSurveyRequested}
 * ({@code touchpoint.feedback}, {@code survey.requested}): each request becomes one queued outbound message, and the
 * message is acknowledged once that is stored. A request that cannot be sent as it is goes to the dead-letter queue
 * without retries.
 */
@Configuration(proxyBeanMethods = false)
class OutboundRequestListeners {

    @Bean
    Consumer<Message<byte[]>> onReplyRequested(CloudEventReader reader, OutboundRequests requests) {
        return message -> {
            ReceivedEvent<ReplyRequested> event = reader.read(message, ReplyRequested.class);
            try {
                requests.replyRequested(event.tenantId(), event.payload());
            } catch (IllegalArgumentException unusable) {
                throw new InvalidCloudEventException(
                        "reply.requested " + event.id() + " cannot be sent: " + unusable.getMessage());
            }
        };
    }

    @Bean
    Consumer<Message<byte[]>> onSurveyRequested(CloudEventReader reader, OutboundRequests requests) {
        return message -> {
            ReceivedEvent<SurveyRequested> event = reader.read(message, SurveyRequested.class);
            try {
                requests.surveyRequested(event.tenantId(), event.payload());
            } catch (IllegalArgumentException unusable) {
                throw new InvalidCloudEventException(
                        "survey.requested " + event.id() + " cannot be sent: " + unusable.getMessage());
            }
        };
    }
}
