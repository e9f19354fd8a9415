package io.touchpoint.channel.domain.outbound;

import java.time.Duration;

/**
 * How often and how far apart transient send failures are retried: exponential backoff with full jitter (a random
 * delay between zero and {@code initialBackoff × 2^(attempt-1)}, capped at {@code maxBackoff}), so that messages that
 * failed together during an outage do not all come back together when it ends.
 *
 * @param maxAttempts attempts in all, the first one included; the message fails after the last
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoffs must be positive and maxBackoff at least initialBackoff");
        }
    }

    /**
     * The delay before the attempt after attempt number {@code attemptsMade}.
     *
     * @param random a uniformly distributed value in {@code [0, 1)}
     */
    public Duration delayAfter(int attemptsMade, double random) {
        int exponent = Math.max(0, Math.min(attemptsMade - 1, 30));
        long ceiling = initialBackoff.toMillis() << exponent;
        if (ceiling <= 0 || ceiling > maxBackoff.toMillis()) {
            ceiling = maxBackoff.toMillis();
        }
        return Duration.ofMillis((long) (ceiling * random));
    }

    public boolean exhaustedAfter(int attemptsMade) {
        return attemptsMade >= maxAttempts;
    }
}
