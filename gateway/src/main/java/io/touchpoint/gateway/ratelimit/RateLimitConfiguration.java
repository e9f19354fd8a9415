package io.touchpoint.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import io.touchpoint.gateway.web.ClientAddresses;
import io.touchpoint.gateway.web.Problems;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.StringUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chooses where buckets and plan overrides live: Redis when it is configured (or forced with
 * {@code touchpoint.gateway.rate-limits.backend=redis}), memory otherwise.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    /** The Gateway's token-bucket script, registered by its Redis auto-configuration. */
    private static final String GATEWAY_SCRIPT = "redisRequestRateLimiterScript";

    @Bean
    RateLimitBackend rateLimitBackend(RateLimitProperties properties, Environment environment) {
        boolean redis =
                switch (properties.backend()) {
                    case REDIS -> true;
                    case MEMORY -> false;
                    case AUTO -> StringUtils.hasText(environment.getProperty("spring.data.redis.url"))
                            || StringUtils.hasText(environment.getProperty("spring.data.redis.host"));
                };
        log.info("Rate limits kept in {}", redis ? "Redis (shared by every replica)" : "memory (this replica only)");
        return new RateLimitBackend(redis);
    }

    @Bean
    TokenBuckets tokenBuckets(
            RateLimitBackend backend,
            RateLimitProperties properties,
            ObjectProvider<ReactiveStringRedisTemplate> redis,
            @Qualifier(GATEWAY_SCRIPT) ObjectProvider<RedisScript<List<Long>>> script,
            MeterRegistry meters) {
        InMemoryTokenBuckets memory = new InMemoryTokenBuckets();
        if (!backend.redis()) {
            return memory;
        }
        return new RedisTokenBuckets(
                redis.getObject(),
                script.getObject(),
                memory,
                properties.redisTimeout(),
                properties.redisPauseAfterFailure(),
                meters);
    }

    @Bean
    RateLimitPlans rateLimitPlans(
            RateLimitBackend backend,
            RateLimitProperties properties,
            ObjectProvider<ReactiveStringRedisTemplate> redis,
            JsonMapper json) {
        PlanOverrides overrides = backend.redis()
                ? new RedisPlanOverrides(redis.getObject(), properties.plansKey(), json, properties.redisTimeout())
                : new InMemoryPlanOverrides();
        return new RateLimitPlans(properties.plans(), properties.defaultPlan(), overrides, properties.planCacheTtl());
    }

    @Bean
    TenantRateLimiter tenantRateLimiter(
            TokenBuckets buckets, RateLimitPlans plans, RateLimitProperties properties, MeterRegistry meters) {
        return new TenantRateLimiter(buckets, plans, properties, meters);
    }

    @Bean
    @ConditionalOnProperty(name = "touchpoint.gateway.rate-limits.enabled", matchIfMissing = true)
    RateLimitFilter rateLimitFilter(TenantRateLimiter limiter, ClientAddresses clients, Problems problems) {
        return new RateLimitFilter(limiter, clients, problems);
    }

    @Bean
    FailedAuthentications failedAuthentications(
            RateLimitProperties properties, ClientAddresses clients, Problems problems, MeterRegistry meters) {
        return new FailedAuthentications(properties.failedAuthenticationPolicy().limit(), clients, problems, meters);
    }

    @Bean
    RequestBodyLimitFilter requestBodyLimitFilter(RequestBodyLimitProperties properties, Problems problems) {
        return new RequestBodyLimitFilter(properties, problems);
    }

    /** Whether Redis holds the buckets and plan overrides. */
    record RateLimitBackend(boolean redis) {}
}
