package io.touchpoint.starter.observability;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;

/**
 * Leaves out Spring Cloud Function's observation of each function call. Every Touchpoint consumer is a function that
 * the RabbitMQ binder's listener container already observes: one span and timer per message, continuing the
 * producer's trace from the message's {@code traceparent}. Spring Cloud Function wrapped the same call in a second
 * span and timer (about 2 % of ticket-service's CPU under ticket-flow, and a duplicate span in every trace).
 */
public class FunctionObservationFilter implements AutoConfigurationImportFilter {

    static final String FUNCTION_OBSERVATION =
            "org.springframework.cloud.function.observability.ObservationAutoConfiguration";

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean[] match = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < autoConfigurationClasses.length; i++) {
            match[i] = !FUNCTION_OBSERVATION.equals(autoConfigurationClasses[i]);
        }
        return match;
    }
}
