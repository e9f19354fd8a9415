package io.touchpoint.ticket.web;

import io.touchpoint.events.Channel;
import io.touchpoint.events.ticket.Priority;
import io.touchpoint.ticket.domain.TicketStatus;
import java.util.Locale;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Query parameters name channels, priorities and statuses the way JSON does ({@code web_chat}, {@code on_hold}). */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, Channel.class, value -> Channel.valueOf(upper(value)));
        registry.addConverter(String.class, Priority.class, value -> Priority.valueOf(upper(value)));
        registry.addConverter(String.class, TicketStatus.class, value -> TicketStatus.valueOf(upper(value)));
    }

    static String upper(String value) {
        return value.trim().toUpperCase(Locale.ROOT);
    }
}
