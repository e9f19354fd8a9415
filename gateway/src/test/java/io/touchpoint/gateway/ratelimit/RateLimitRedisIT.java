package io.touchpoint.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import io.touchpoint.test.redis.TestRedis;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** Rate limits in a real Redis, as several gateway replicas share them; keys prefixed per run. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@Import(CallerConfiguration.class)
class RateLimitRedisIT extends RateLimitScenarios {

    private static final String PREFIX = TestRedis.keyPrefix(RateLimitRedisIT.class);

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    @Qualifier("redisRequestRateLimiterScript")
    RedisScript<List<Long>> script;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        rateLimitProperties(registry);
        registry.add("spring.data.redis.url", TestRedis::url);
        registry.add("touchpoint.gateway.rate-limits.key-prefix", () -> PREFIX);
        registry.add("touchpoint.gateway.rate-limits.plans-key", () -> PREFIX + "plans");
    }

    @AfterEach
    void removePlanOverrides() {
        redis.delete(PREFIX + "plans").block();
    }

    @Test
    void bucketsLiveInRedisUnderTheGatewayRateLimiterKeys() {
        get("/v1/tickets/tkt_1", "tp_headers");

        String tokens = redis.opsForValue()
                .get("request_rate_limiter.{" + PREFIX + "tenant:t-headers}.tokens")
                .block();
        assertThat(tokens).isNotNull();
    }

    @Test
    void anotherReplicaDrawsFromTheSameBudget() {
        EntityExchangeResult<byte[]> refused = null;
        for (int i = 0; i < 30 && refused == null; i++) {
            EntityExchangeResult<byte[]> result = get("/v1/tickets/tkt_1", "tp_replica");
            if (result.getStatus().value() == 429) {
                refused = result;
            }
        }
        assertThat(refused).isNotNull();
        assertThat(refused.getResponseHeaders().getFirst("RateLimit-Policy")).contains("comment=\"metered key\"");

        // A second replica: its own buckets object and in-memory fallback, the same Redis.
        TokenBuckets replica = new RedisTokenBuckets(
                redis,
                script,
                new InMemoryTokenBuckets(),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                new SimpleMeterRegistry());
        Decision decision = replica.tryConsume(
                        PREFIX + "key:t-replica:key_tp_replica",
                        new Limit(1, KEY_BURST * METERED_REQUEST_COST, METERED_REQUEST_COST))
                .block();

        // A bucket of its own would have started full and let the request pass; the shared one was just emptied, and
        // what it has refilled since, at 1 token/s, is nowhere near the cost of a request.
        assertThat(decision.allowed()).isFalse();
    }
}
