package io.touchpoint.gateway.ratelimit;

import java.util.Comparator;
import java.util.List;

/**
 * The outcome for one request over every bucket it draws from. The headers report the bucket that decided: the one
 * that refused, or else the one with the fewest tokens left, as the RateLimit header fields draft recommends when
 * several policies apply; {@code RateLimit-Policy} lists them all.
 */
record Verdict(Decision reported, List<String> policies) {

    static Verdict of(List<Decision> decisions, List<String> policies) {
        Decision reported = decisions.stream()
                .filter(decision -> !decision.allowed())
                .findFirst()
                .orElseGet(() -> decisions.stream()
                        .min(Comparator.comparingLong(Decision::remaining))
                        .orElseThrow());
        return new Verdict(reported, List.copyOf(policies));
    }

    boolean allowed() {
        return reported.allowed();
    }
}
