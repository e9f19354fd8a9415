package io.touchpoint.ticket.messaging;

import io.touchpoint.events.privacy.PrivacyErasureRequested;
import io.touchpoint.starter.cloudevents.CloudEventReader;
import io.touchpoint.starter.cloudevents.InvalidCloudEventException;
import io.touchpoint.starter.cloudevents.ReceivedEvent;
import io.touchpoint.ticket.application.privacy.PersonalDataErasure;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * {@code onPrivacyErasureRequested}: a customer's right to erasure, from the profile exchange: their personal data goes
 * from the tenant's tickets and conversations. Acknowledged once erased; erasing again changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class PrivacyConsumers {

    @Bean
    Consumer<Message<byte[]>> onPrivacyErasureRequested(CloudEventReader reader, PersonalDataErasure erasure) {
        return message -> {
            ReceivedEvent<PrivacyErasureRequested> event = reader.read(message, PrivacyErasureRequested.class);
            if (event.payload().profileId() == null
                    || event.payload().profileId().isBlank()) {
                throw new InvalidCloudEventException("event " + event.id() + " names no profile to erase");
            }
            erasure.erase(event.tenantId(), event.payload());
        };
    }
}
