package io.touchpoint.gateway.ratelimit;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plan overrides in one Redis hash ({@code touchpoint:plans}: field = plan name, value = the limits as JSON), read by
 * every replica, so a change reaches all of them within their cache time.
 */
public final class RedisPlanOverrides implements PlanOverrides {

    private static final Logger log = LoggerFactory.getLogger(RedisPlanOverrides.class);

    /**
     * For an operator's change, off the request path: it may wait for a connection being (re)established, where the
     * per-request timeout would refuse it (seen as a 504 on the first change after start-up on a busy machine).
     */
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(5);

    private final ReactiveStringRedisTemplate redis;
    private final String key;
    private final JsonMapper json;
    private final Duration readTimeout;

    public RedisPlanOverrides(ReactiveStringRedisTemplate redis, String key, JsonMapper json, Duration readTimeout) {
        this.redis = redis;
        this.key = key;
        this.json = json;
        this.readTimeout = readTimeout;
    }

    @Override
    public Mono<Map<String, PlanLimits>> all() {
        return redis.<String, String>opsForHash()
                .entries(key)
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .timeout(readTimeout)
                .map(this::parse);
    }

    @Override
    public Mono<Void> put(String plan, PlanLimits limits) {
        return redis.<String, String>opsForHash()
                .put(key, plan, json.writeValueAsString(limits))
                .timeout(WRITE_TIMEOUT)
                .then();
    }

    @Override
    public Mono<Void> remove(String plan) {
        return redis.<String, String>opsForHash()
                .remove(key, plan)
                .timeout(WRITE_TIMEOUT)
                .then();
    }

    private Map<String, PlanLimits> parse(Map<String, String> stored) {
        Map<String, PlanLimits> plans = new HashMap<>();
        stored.forEach((plan, value) -> {
            try {
                plans.put(plan, json.readValue(value, PlanLimits.class));
            } catch (RuntimeException e) {
                log.warn("Ignoring the unreadable override of plan '{}' in Redis hash {}: {}", plan, key, e.toString());
            }
        });
        return plans;
    }
}
