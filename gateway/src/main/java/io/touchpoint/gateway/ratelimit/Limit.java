package io.touchpoint.gateway.ratelimit;

/**
 * One token bucket's parameters: tokens added per second, the most it holds, and what one request costs.
 */
public record Limit(int replenishRate, long burstCapacity, int requestedTokens) {

    public Limit {
        if (replenishRate < 1 || burstCapacity < 1 || requestedTokens < 1) {
            throw new IllegalArgumentException(
                    "replenish rate, burst capacity and requested tokens must be at least 1: " + replenishRate + "/"
                            + burstCapacity + "/" + requestedTokens);
        }
        if (requestedTokens > burstCapacity) {
            throw new IllegalArgumentException("requested tokens (" + requestedTokens + ") exceed the burst capacity ("
                    + burstCapacity + "): every request would be refused");
        }
    }

    /** Whole seconds until a bucket holding {@code remaining} tokens is full again; 0 when it is full. */
    long secondsUntilFull(long remaining) {
        return ceilDiv(Math.max(0, burstCapacity - remaining), replenishRate);
    }

    /** Whole seconds, at least 1, until a bucket holding {@code remaining} tokens can pay for one request. */
    long secondsUntilAllowed(long remaining) {
        return Math.max(1, ceilDiv(Math.max(0, requestedTokens - remaining), replenishRate));
    }

    /** This limit as one item of the {@code RateLimit-Policy} header: {@code 50;w=1;burst=100;comment="..."}. */
    String policy(String comment) {
        return replenishRate + ";w=1;burst=" + burstCapacity + ";comment=\"" + comment.replace("\"", "") + "\"";
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }
}
