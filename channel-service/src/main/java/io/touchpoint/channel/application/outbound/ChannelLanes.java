package io.touchpoint.channel.application.outbound;

import io.github.resilience4j.bulkhead.ThreadPoolBulkhead;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadConfig;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedThreadPoolBulkheadMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.touchpoint.channel.config.DeliveryProperties;
import io.touchpoint.events.Channel;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One lane per kind of channel, each with its own circuit breaker and thread-pool bulkhead, so that a provider that
 * is down or slow ties up only its own threads and opens only its own breaker: the other channels keep delivering.
 * Breakers are named {@code outbound-<channel>} ({@code outbound-sms}) in the {@code resilience4j.*} metrics.
 */
@Component
public class ChannelLanes implements DisposableBean {

    private final Map<Channel, Lane> lanes = new EnumMap<>(Channel.class);

    public ChannelLanes(DeliveryProperties properties, MeterRegistry meters) {
        DeliveryProperties.Channels settings = properties.channels();
        CircuitBreakerConfig breakerConfig = CircuitBreakerConfig.custom()
                .slidingWindowType(SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(settings.failureRateThreshold())
                .waitDurationInOpenState(settings.openDuration())
                .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
                // Without it an open breaker stays open until someone asks for a permission, and the worker does
                // not claim messages for a channel whose breaker is open.
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build();
        ThreadPoolBulkheadConfig bulkheadConfig = ThreadPoolBulkheadConfig.custom()
                .coreThreadPoolSize(settings.threads())
                .maxThreadPoolSize(settings.threads())
                .queueCapacity(settings.queueCapacity())
                .build();
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(breakerConfig);
        ThreadPoolBulkheadRegistry bulkheads = ThreadPoolBulkheadRegistry.of(bulkheadConfig);
        for (Channel channel : Channel.values()) {
            String name = "outbound-" + channel.name().toLowerCase(Locale.ROOT).replace('_', '-');
            lanes.put(channel, new Lane(channel, breakers.circuitBreaker(name), bulkheads.bulkhead(name)));
        }
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        TaggedThreadPoolBulkheadMetrics.ofThreadPoolBulkheadRegistry(bulkheads).bindTo(meters);
    }

    public Lane lane(Channel channel) {
        return lanes.get(channel);
    }

    Collection<Lane> all() {
        return lanes.values();
    }

    @Override
    public void destroy() {
        lanes.values().forEach(lane -> {
            try {
                lane.bulkhead().close();
            } catch (Exception e) {
                // shutting down: the leases of unfinished sends run out and another replica takes them
            }
        });
    }

    /**
     * A channel's breaker and bulkhead.
     *
     * @param breaker opened by transient failures (5xx, 429, timeouts); permanent refusals do not count, the
     *     provider answered
     */
    public record Lane(Channel channel, CircuitBreaker breaker, ThreadPoolBulkhead bulkhead) {

        /** Claimed messages the lane can take now without its bulkhead refusing them. */
        int freeCapacity() {
            ThreadPoolBulkhead.Metrics metrics = bulkhead.getMetrics();
            return Math.max(
                    0,
                    metrics.getRemainingQueueCapacity()
                            + metrics.getMaximumThreadPoolSize()
                            - metrics.getActiveThreadCount());
        }
    }
}
