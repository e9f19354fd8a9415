package io.touchpoint.ticket.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Service levels, under {@code touchpoint.ticket.sla}.
 *
 * @param scheduler the timer scheduler every replica runs
 * @param cacheTtl how long a replica uses an SLA policy or calendar it read before reading it again; changes made
 *     through another replica reach this one within that time
 */
@Validated
@ConfigurationProperties("touchpoint.ticket.sla")
public record SlaProperties(@DefaultValue @Valid Scheduler scheduler, @DefaultValue("10s") @NotNull Duration cacheTtl) {

    /**
     * @param enabled whether this replica looks for due timers (every replica may: they claim timers with leases)
     * @param pollInterval how often it looks
     * @param lease how long a replica holds a timer it claimed; another replica takes over after it
     * @param batchSize how many timers one look handles at most before waiting for the next
     */
    public record Scheduler(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1s") @NotNull Duration pollInterval,
            @DefaultValue("30s") @NotNull Duration lease,
            @DefaultValue("100") @Min(1) @Max(10_000) int batchSize) {}
}
