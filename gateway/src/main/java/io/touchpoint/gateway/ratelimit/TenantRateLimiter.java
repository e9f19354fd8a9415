package io.touchpoint.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.touchpoint.gateway.auth.Caller;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Decides whether a request may pass. An authenticated caller draws from two buckets: its API key's (the key share
 * of the plan, so one runaway integration cannot use up its tenant's whole budget) and then its tenant's (the plan).
 * The tenant's bucket is only touched when the key's allowed the request, so a key over its own limit does not
 * drain its tenant's budget; when the tenant's bucket refuses, the key's token is spent anyway. A request without a
 * caller draws from its client IP's bucket under the public policy. Buckets are keyed by tenant, key or IP only,
 * so one tenant's burst cannot empty another tenant's bucket.
 */
public final class TenantRateLimiter {

    private final TokenBuckets buckets;
    private final RateLimitPlans plans;
    private final RateLimitProperties properties;
    private final Counter allowed;
    private final Counter limited;

    public TenantRateLimiter(
            TokenBuckets buckets, RateLimitPlans plans, RateLimitProperties properties, MeterRegistry meters) {
        this.buckets = buckets;
        this.plans = plans;
        this.properties = properties;
        this.allowed = decisions(meters, "allowed", buckets.backend());
        this.limited = decisions(meters, "limited", buckets.backend());
    }

    Mono<Verdict> check(Caller caller) {
        PlanLimits plan = plans.limits(caller.plan());
        Limit tenantLimit = plan.tenantLimit();
        Limit keyLimit = plan.keyLimit(properties.keyShare());
        List<String> policies =
                List.of(tenantLimit.policy(caller.plan() + " tenant"), keyLimit.policy(caller.plan() + " key"));
        String prefix = properties.keyPrefix();
        String tenant = caller.tenantId();
        return buckets.tryConsume(prefix + "key:" + tenant + ":" + caller.credentialId(), keyLimit)
                .flatMap(key -> key.allowed()
                        ? buckets.tryConsume(prefix + "tenant:" + tenant, tenantLimit)
                                .map(tenantDecision -> Verdict.of(List.of(tenantDecision, key), policies))
                        : Mono.just(Verdict.of(List.of(key), policies)))
                .doOnNext(this::count);
    }

    Mono<Verdict> checkPublic(String clientIp) {
        Limit limit = properties.publicPolicy().limit();
        return buckets.tryConsume(properties.keyPrefix() + "ip:" + clientIp, limit)
                .map(decision -> Verdict.of(List.of(decision), List.of(limit.policy("public per IP"))))
                .doOnNext(this::count);
    }

    /**
     * A provider webhook, limited per connection: a provider such as Twilio sends from a pool of addresses that changes,
     * so a per-IP budget would either refuse a busy tenant's traffic or be spread too thin to protect anything. Some
     * providers do not retry a refused webhook, so this budget is generous; it exists to stop a flood, not to shape.
     */
    Mono<Verdict> checkWebhook(String connectionId) {
        Limit limit = properties.webhookPolicy().limit();
        return buckets.tryConsume(properties.keyPrefix() + "webhook:" + connectionId, limit)
                .map(decision -> Verdict.of(List.of(decision), List.of(limit.policy("webhook per connection"))))
                .doOnNext(this::count);
    }

    private void count(Verdict verdict) {
        (verdict.allowed() ? allowed : limited).increment();
    }

    private static Counter decisions(MeterRegistry meters, String outcome, String backend) {
        return Counter.builder("touchpoint.gateway.ratelimit.decisions")
                .description("Rate limit decisions; no tenant tag, on purpose (cardinality)")
                .tag("outcome", outcome)
                .tag("backend", backend)
                .register(meters);
    }
}
