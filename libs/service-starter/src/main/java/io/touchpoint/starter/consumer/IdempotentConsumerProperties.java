package io.touchpoint.starter.consumer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Idempotent-consumer settings, under {@code touchpoint.consumer}.
 *
 * @param processedEventsRetention how long {@link ProcessedEventStore} remembers an event; far longer than any
 *     redelivery (retries, DLQ replays) can take
 */
@ConfigurationProperties("touchpoint.consumer")
public record IdempotentConsumerProperties(@DefaultValue("14d") Duration processedEventsRetention) {}
