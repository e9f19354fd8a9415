package io.touchpoint.gateway.ratelimit;

/** What one bucket answered: whether the request may pass, and the tokens left after it. */
public record Decision(boolean allowed, long remaining, Limit limit) {

    long resetSeconds() {
        return limit.secondsUntilFull(remaining);
    }

    long retryAfterSeconds() {
        return limit.secondsUntilAllowed(remaining);
    }
}
