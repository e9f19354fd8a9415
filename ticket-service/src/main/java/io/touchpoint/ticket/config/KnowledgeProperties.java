package io.touchpoint.ticket.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The knowledge base's search.
 *
 * @param index the per-tenant in-memory search indexes
 * @param titleBoost how much more a word in an article's title counts than one in its body
 * @param tagBoost how much more a word in an article's tags counts than one in its body
 */
@Validated
@ConfigurationProperties("touchpoint.ticket.knowledge")
public record KnowledgeProperties(
        @DefaultValue @Valid Index index,
        @DefaultValue("2.0") @DecimalMin("0.1") @DecimalMax("20") float titleBoost,
        @DefaultValue("1.5") @DecimalMin("0.1") @DecimalMax("20") float tagBoost) {

    /**
     * @param maxTenants how many tenants' indexes a replica keeps in memory; the least recently used go first and are
     *     rebuilt from MongoDB when needed again
     * @param maxAge the longest an index is used without being rebuilt, even when no write was recorded: it bounds
     *     staleness should a replica die between storing an article and recording the change
     */
    public record Index(@DefaultValue("1000") @Min(1) int maxTenants, @DefaultValue("10m") @NotNull Duration maxAge) {}
}
