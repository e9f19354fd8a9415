package io.touchpoint.channel.web.chat;

import io.touchpoint.channel.application.webchat.WebChatWidgets;
import io.touchpoint.starter.problem.RequestIdFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The widget API's CORS filter, right after the request id filter so that its refusals carry the request id. */
@Configuration(proxyBeanMethods = false)
class WebChatWebConfiguration {

    @Bean
    FilterRegistrationBean<WebChatCorsFilter> webChatCorsFilter(WebChatWidgets widgets) {
        FilterRegistrationBean<WebChatCorsFilter> registration =
                new FilterRegistrationBean<>(new WebChatCorsFilter(widgets));
        registration.addUrlPatterns(WebChatController.BASE_PATH + "/*");
        registration.setOrder(RequestIdFilter.ORDER + 1);
        return registration;
    }
}
