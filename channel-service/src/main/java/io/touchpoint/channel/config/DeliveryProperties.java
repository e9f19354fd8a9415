package io.touchpoint.channel.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Outbound delivery: how the worker claims, retries and isolates sends, and where the providers are.
 *
 * @param enabled whether this replica runs the delivery worker (every replica may: they coordinate through leases)
 * @param sweepInterval how often the worker looks for due messages a trigger did not take (retries, other replicas)
 * @param lease how long a worker holds a claimed message; longer than the slowest send, so that only a crashed
 *     replica's messages are taken over
 * @param maxAttempts attempts per message, the first included, before a transient failure becomes final
 * @param initialBackoff the ceiling of the random delay before the second attempt; doubles with every attempt
 * @param maxBackoff the highest ceiling of that delay
 * @param connectTimeout connecting to a provider
 * @param readTimeout waiting for a provider's answer
 * @param channels per-channel isolation: threads, queue and circuit breaker
 * @param providers provider API base URLs; a connection's {@code apiBaseUrl} setting overrides them
 * @param publicBaseUrl where providers reach this platform's webhooks (the gateway), for the status callback URL sent
 *     with each SMS; without it, Twilio reports no delivery statuses unless the connection sets
 *     {@code statusCallbackUrl}
 */
@Validated
@ConfigurationProperties("touchpoint.channel.delivery")
public record DeliveryProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1s") @NotNull Duration sweepInterval,
        @DefaultValue("2m") @NotNull Duration lease,
        @DefaultValue("8") @Min(1) @Max(50) int maxAttempts,
        @DefaultValue("2s") @NotNull Duration initialBackoff,
        @DefaultValue("10m") @NotNull Duration maxBackoff,
        @DefaultValue("2s") @NotNull Duration connectTimeout,
        @DefaultValue("10s") @NotNull Duration readTimeout,
        @DefaultValue @Valid Channels channels,
        @DefaultValue @Valid Providers providers,
        URI publicBaseUrl) {

    /**
     * What every channel gets for itself, so that one provider's outage fills only its own queue.
     *
     * @param threads concurrent sends per channel (the size of its thread-pool bulkhead)
     * @param queueCapacity claimed messages waiting for one of those threads
     * @param slidingWindowSize the last sends the circuit breaker judges
     * @param minimumCalls sends it needs before it judges at all
     * @param failureRateThreshold the percentage of transient failures that opens it
     * @param openDuration how long it stays open before letting {@code halfOpenCalls} trial sends through
     * @param halfOpenCalls trial sends that decide whether it closes again
     */
    public record Channels(
            @DefaultValue("4") @Min(1) int threads,
            @DefaultValue("16") @Min(1) int queueCapacity,
            @DefaultValue("10") @Min(1) int slidingWindowSize,
            @DefaultValue("5") @Min(1) int minimumCalls,
            @DefaultValue("50") @Min(1) @Max(100) float failureRateThreshold,
            @DefaultValue("10s") @NotNull Duration openDuration,
            @DefaultValue("2") @Min(1) int halfOpenCalls) {}

    /**
     * @param twilio the Twilio REST API (SMS)
     * @param metaGraph the Meta Graph API (WhatsApp Cloud API, Messenger and Instagram Send API)
     * @param metaGraphVersion the Graph API version in its paths
     * @param telegram the Telegram Bot API
     */
    public record Providers(
            @DefaultValue("https://api.twilio.com") @NotNull URI twilio,
            @DefaultValue("https://graph.facebook.com") @NotNull URI metaGraph,
            @DefaultValue("v21.0") @NotNull String metaGraphVersion,
            @DefaultValue("https://api.telegram.org") @NotNull URI telegram) {}
}
