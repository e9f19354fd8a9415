package io.touchpoint.bench;

import java.time.Duration;
import java.util.Arrays;

/** Throughput and latency percentiles of one run. */
record LatencyStats(
        int requests, Errors errorsByStatus, Duration elapsed, long p50Nanos, long p99Nanos, long maxNanos) {

    static LatencyStats of(long[] latenciesNanos, Errors errors, Duration elapsed) {
        long[] sorted = latenciesNanos.clone();
        Arrays.sort(sorted);
        return new LatencyStats(
                sorted.length,
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

    double requestsPerSecond() {
        return elapsed.isZero() ? 0 : requests / (elapsed.toNanos() / 1e9);
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }
}
