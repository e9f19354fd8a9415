package io.touchpoint.gateway.ratelimit;

import org.springframework.http.HttpHeaders;

/**
 * The rate limit response header fields in the form the public API documents (the separate-field form of the IETF
 * {@code RateLimit} header fields draft): {@code RateLimit-Limit} is the reported bucket's burst capacity,
 * {@code RateLimit-Remaining} its tokens left, {@code RateLimit-Reset} the seconds until it is full again, and
 * {@code RateLimit-Policy} every policy that applied, as {@code rate;w=1;burst=capacity;comment="..."}.
 */
final class RateLimitHeaders {

    static final String LIMIT = "RateLimit-Limit";
    static final String REMAINING = "RateLimit-Remaining";
    static final String RESET = "RateLimit-Reset";
    static final String POLICY = "RateLimit-Policy";

    private RateLimitHeaders() {}

    static void write(Verdict verdict, HttpHeaders headers) {
        Decision decision = verdict.reported();
        headers.set(LIMIT, Long.toString(decision.limit().burstCapacity()));
        headers.set(REMAINING, Long.toString(Math.max(0, decision.remaining())));
        headers.set(RESET, Long.toString(decision.resetSeconds()));
        headers.set(POLICY, String.join(", ", verdict.policies()));
        if (!decision.allowed()) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        }
    }
}
