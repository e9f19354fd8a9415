package io.touchpoint.gateway.ratelimit;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The limits of one plan: the tenant's bucket, and optionally each key's bucket (else a share of the tenant's).
 *
 * @param replenishRate tokens per second added to the tenant's bucket
 * @param burstCapacity the most the tenant's bucket holds
 * @param requestedTokens what one request costs
 * @param keyReplenishRate tokens per second for each key, or {@code null} for the key share of the tenant's
 * @param keyBurstCapacity the most each key's bucket holds, or {@code null} for the key share of the tenant's
 */
public record PlanLimits(
        int replenishRate,
        long burstCapacity,
        @DefaultValue("1") int requestedTokens,
        Integer keyReplenishRate,
        Long keyBurstCapacity) {

    public PlanLimits {
        // Validates the tenant's and the key's limits now rather than on the first request.
        new Limit(replenishRate, burstCapacity, requestedTokens);
        if (keyReplenishRate != null || keyBurstCapacity != null) {
            new Limit(
                    keyReplenishRate != null ? keyReplenishRate : 1,
                    keyBurstCapacity != null ? keyBurstCapacity : requestedTokens,
                    requestedTokens);
        }
    }

    Limit tenantLimit() {
        return new Limit(replenishRate, burstCapacity, requestedTokens);
    }

    Limit keyLimit(double keyShare) {
        int rate = keyReplenishRate != null ? keyReplenishRate : (int) Math.max(1, Math.ceil(replenishRate * keyShare));
        long burst = keyBurstCapacity != null
                ? keyBurstCapacity
                : Math.max(requestedTokens, (long) Math.ceil(burstCapacity * keyShare));
        return new Limit(rate, burst, requestedTokens);
    }
}
