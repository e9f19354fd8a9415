package io.touchpoint.starter.cloudevents;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Publishing settings, under {@code touchpoint.events}.
 *
 * @param exchanges the exchanges this service produces to ({@code touchpoint.ticket}), declared at start-up as
 *     durable topic exchanges so that consumers can bind to them before the first event is published
 * @param confirmTimeout how long a publish waits for the broker's confirm before reporting failure
 */
@ConfigurationProperties("touchpoint.events")
public record CloudEventsProperties(
        @DefaultValue List<String> exchanges, @DefaultValue("5s") Duration confirmTimeout) {}
