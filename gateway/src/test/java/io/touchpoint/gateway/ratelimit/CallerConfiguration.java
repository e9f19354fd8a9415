package io.touchpoint.gateway.ratelimit;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Registers {@link CallerFromSignedContext} until the authentication filter stores the caller itself. */
@TestConfiguration(proxyBeanMethods = false)
class CallerConfiguration {

    @Bean
    CallerFromSignedContext callerFromSignedContext() {
        return new CallerFromSignedContext(RateLimitScenarios.SHARED_KEY);
    }
}
