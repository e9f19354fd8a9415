package io.touchpoint.channel.messaging.provider;

import io.touchpoint.channel.config.DeliveryProperties;
import io.touchpoint.events.Channel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Send API senders, one per Meta channel that uses it. */
@Configuration(proxyBeanMethods = false)
class ProviderSenders {

    @Bean
    MetaSendApiSender messengerSender(ProviderHttp http, DeliveryProperties properties) {
        return new MetaSendApiSender(Channel.MESSENGER, http, properties);
    }

    @Bean
    MetaSendApiSender instagramSender(ProviderHttp http, DeliveryProperties properties) {
        return new MetaSendApiSender(Channel.INSTAGRAM, http, properties);
    }
}
