package io.touchpoint.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Token buckets in Redis, shared by every gateway replica. Runs Spring Cloud Gateway's own token-bucket script (the
 * one behind its {@code RedisRateLimiter}) on the same keys, {@code request_rate_limiter.{id}.tokens} and
 * {@code .timestamp}, so its semantics and Redis layout are the Gateway's; calling the script directly rather than
 * {@code RedisRateLimiter.isAllowed} lets each call carry its own limit (plans change at runtime) and lets a Redis
 * failure be handled here instead of being logged at ERROR once per request.
 *
 * <p>When Redis fails or does not answer within the timeout, the request is decided by in-memory buckets in this
 * replica instead (never a 500, never a hang), the failure is counted in
 * {@code touchpoint.gateway.ratelimit.redis.failures}, and Redis is left alone for a short while.
 */
public final class RedisTokenBuckets implements TokenBuckets {

    private static final Logger log = LoggerFactory.getLogger(RedisTokenBuckets.class);

    private final ReactiveStringRedisTemplate redis;
    private final RedisScript<List<Long>> script;
    private final TokenBuckets fallback;
    private final Duration timeout;
    private final long pauseNanos;
    private final LongSupplier nanoClock;
    private final Counter failures;
    private final AtomicLong retryRedisAtNanos;

    public RedisTokenBuckets(
            ReactiveStringRedisTemplate redis,
            RedisScript<List<Long>> script,
            TokenBuckets fallback,
            Duration timeout,
            Duration pauseAfterFailure,
            MeterRegistry meters) {
        this.redis = redis;
        this.script = script;
        this.fallback = fallback;
        this.timeout = timeout;
        this.pauseNanos = pauseAfterFailure.toNanos();
        this.nanoClock = System::nanoTime;
        this.failures = Counter.builder("touchpoint.gateway.ratelimit.redis.failures")
                .description("Rate limit decisions taken in memory because Redis failed or was too slow")
                .register(meters);
        this.retryRedisAtNanos = new AtomicLong(nanoClock.getAsLong());
    }

    @Override
    public Mono<Decision> tryConsume(String id, Limit limit) {
        if (nanoClock.getAsLong() - retryRedisAtNanos.get() < 0) {
            failures.increment();
            return fallback.tryConsume(id, limit);
        }
        List<String> keys =
                List.of("request_rate_limiter.{" + id + "}.tokens", "request_rate_limiter.{" + id + "}.timestamp");
        // An empty "now" makes the script use Redis' clock, so replicas with skewed clocks still agree.
        List<String> args = List.of(
                Integer.toString(limit.replenishRate()),
                Long.toString(limit.burstCapacity()),
                "",
                Integer.toString(limit.requestedTokens()));
        return redis.execute(script, keys, args)
                .next()
                .timeout(timeout)
                .map(result -> new Decision(result.get(0) == 1L, result.get(1), limit))
                .onErrorResume(error -> {
                    failed(error);
                    return fallback.tryConsume(id, limit);
                });
    }

    @Override
    public String backend() {
        return "redis";
    }

    private void failed(Throwable error) {
        failures.increment();
        long now = nanoClock.getAsLong();
        long retryAt = retryRedisAtNanos.get();
        if (now - retryAt >= 0 && retryRedisAtNanos.compareAndSet(retryAt, now + pauseNanos)) {
            log.warn(
                    "Redis rate limiting failed ({}); deciding in memory in this replica for {} ms",
                    error.toString(),
                    Duration.ofNanos(pauseNanos).toMillis());
        }
    }
}
