package io.touchpoint.starter.outbox;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Outbox relay settings, under {@code touchpoint.outbox}.
 *
 * @param enabled whether this instance runs relays (every replica may: they coordinate through leases)
 * @param collections collections whose documents carry an outbox, in addition to {@link OutboxCollection} beans
 * @param pollInterval how often each relay sweeps its collection for events a triggered publish missed, while sweeps
 *     find some (or the broker fails)
 * @param idlePollInterval the longest wait between two sweeps of a collection while sweeps find nothing: each empty
 *     sweep doubles the wait, from {@code pollInterval} up to this
 * @param lease how long a relay holds a document while publishing its events; another replica takes over after it
 * @param maxBackoff the longest wait between attempts while the broker is unreachable
 * @param threads threads publishing right after a write
 * @param maxDocumentsPerSweep documents one sweep publishes at most before yielding to the next tick
 */
@Validated
@ConfigurationProperties("touchpoint.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue List<String> collections,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("10s") Duration idlePollInterval,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("10s") Duration maxBackoff,
        @DefaultValue("2") @Positive int threads,
        @DefaultValue("500") @Positive int maxDocumentsPerSweep) {}
