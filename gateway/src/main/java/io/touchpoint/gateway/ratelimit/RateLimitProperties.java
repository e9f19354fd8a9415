package io.touchpoint.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits: the plans' default limits, the share of its tenant's budget one API key may use, the per-IP policy
 * for unauthenticated paths, and where buckets and plan overrides live.
 *
 * @param backend {@code auto} uses Redis when {@code spring.data.redis.url} or {@code .host} is set, else memory
 * @param defaultPlan the plan of a caller whose plan is not configured
 * @param keyShare the fraction of its plan's rate and burst one key may use, unless the plan says otherwise
 * @param publicPolicy the limit per client IP for requests without a caller, except webhooks (health, public API)
 * @param webhookPolicy the limit per channel connection for provider webhooks ({@code /webhooks/{kind}/{id}/**})
 * @param failedAuthenticationPolicy how many credentials one client IP may present that are not accepted
 * @param keyPrefix prepended to every bucket id and to nothing else; lets test runs share one Redis
 * @param plansKey the Redis hash holding plan overrides
 * @param planCacheTtl how long a replica keeps plan overrides before reading them again
 * @param redisTimeout the longest a rate limit decision waits for Redis before deciding in memory
 * @param redisPauseAfterFailure how long to decide in memory after a Redis failure before trying Redis again
 */
@ConfigurationProperties("touchpoint.gateway.rate-limits")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("auto") Backend backend,
        @DefaultValue("standard") String defaultPlan,
        @DefaultValue Map<String, PlanLimits> plans,
        @DefaultValue("0.5") double keyShare,
        @DefaultValue PublicPolicy publicPolicy,
        @DefaultValue WebhookPolicy webhookPolicy,
        @DefaultValue FailedAuthenticationPolicy failedAuthenticationPolicy,
        @DefaultValue("") String keyPrefix,
        @DefaultValue("touchpoint:plans") String plansKey,
        @DefaultValue("1s") Duration planCacheTtl,
        @DefaultValue("250ms") Duration redisTimeout,
        @DefaultValue("5s") Duration redisPauseAfterFailure) {

    public RateLimitProperties {
        if (!(keyShare > 0 && keyShare <= 1)) {
            throw new IllegalArgumentException("touchpoint.gateway.rate-limits.key-share must be in (0, 1]");
        }
    }

    /** Where token buckets live. */
    public enum Backend {
        AUTO,
        REDIS,
        MEMORY
    }

    /** Generous, because providers retry webhooks they could not deliver; bounded, because anyone can send them. */
    public record PublicPolicy(@DefaultValue("50") int replenishRate, @DefaultValue("200") long burstCapacity) {

        Limit limit() {
            return new Limit(replenishRate, burstCapacity, 1);
        }
    }

    /** Per connection: a busy tenant's provider may send bursts of thousands (an SMS campaign's replies). */
    public record WebhookPolicy(@DefaultValue("1000") int replenishRate, @DefaultValue("5000") long burstCapacity) {

        Limit limit() {
            return new Limit(replenishRate, burstCapacity, 1);
        }
    }

    /**
     * Per client IP, credentials that were not accepted: each unknown key costs a lookup in the key store, so an
     * address past this budget is refused before its credentials are looked at, until the budget refills.
     */
    public record FailedAuthenticationPolicy(
            @DefaultValue("10") int replenishRate, @DefaultValue("50") long burstCapacity) {

        Limit limit() {
            return new Limit(replenishRate, burstCapacity, 1);
        }
    }
}
