package io.touchpoint.bench;

import java.time.Duration;
import java.util.Arrays;

/**
 * Throughput and latency percentiles of one run, of the requests answered as expected: a gateway shedding load
 * answers 503 at once, and counting those answers would make it look faster, not slower. {@code requests} counts every
 * request sent; {@link #errorsByStatus} says what became of the others.
 */
record LatencyStats(
        int requests, Errors errorsByStatus, Duration elapsed, long p50Nanos, long p99Nanos, long maxNanos) {

    /** The latency a load generator records for a request not answered as expected. */
    static final long FAILED = -1;

    /** {@code latenciesNanos} holds one entry per request sent, {@link #FAILED} for the ones {@code errors} counts. */
    static LatencyStats of(long[] latenciesNanos, Errors errors, Duration elapsed) {
        long[] sorted = Arrays.stream(latenciesNanos)
                .filter(latency -> latency != FAILED)
                .sorted()
                .toArray();
        return new LatencyStats(
                latenciesNanos.length,
                errors,
                elapsed,
                percentile(sorted, 50),
                percentile(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
    }

    /** Nearest-rank percentile of an ascending array. */
    static long percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    int errors() {
        return errorsByStatus.total();
    }

    /** Requests answered as expected per second. */
    double okPerSecond() {
        return elapsed.isZero() ? 0 : (requests - errors()) / (elapsed.toNanos() / 1e9);
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }
}
