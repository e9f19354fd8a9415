package io.touchpoint.starter.problem;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;

/**
 * Request ids and RFC 9457 problem responses for every error of a servlet service: controller exceptions, unknown
 * routes, and errors forwarded to {@code /error}.
 */
@AutoConfiguration(before = {WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@ConditionalOnWebApplication(type = Type.SERVLET)
public class ProblemDetailsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "requestIdFilter")
    public FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(RequestIdFilter.ORDER);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean(ProblemExceptionHandler.class)
    public ProblemExceptionHandler problemExceptionHandler() {
        return new ProblemExceptionHandler();
    }

    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    public ProblemErrorController problemErrorController(ObjectProvider<ErrorAttributes> errorAttributes) {
        return new ProblemErrorController(errorAttributes.getIfAvailable(DefaultErrorAttributes::new));
    }
}
