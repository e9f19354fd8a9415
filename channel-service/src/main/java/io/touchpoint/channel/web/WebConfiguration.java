package io.touchpoint.channel.web;

import io.touchpoint.events.Channel;
import java.util.Locale;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Query parameters name channels the way JSON does ({@code web_chat}, {@code sms}). */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(
                String.class,
                Channel.class,
                value -> Channel.valueOf(value.trim().toUpperCase(Locale.ROOT)));
    }
}
