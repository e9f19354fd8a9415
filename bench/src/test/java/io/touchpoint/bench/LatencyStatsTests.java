package io.touchpoint.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencyStatsTests {

    @Test
    void percentilesUseTheNearestRank() {
        long[] oneToHundred = LongStream.rangeClosed(1, 100).toArray();
        LatencyStats stats = LatencyStats.of(oneToHundred, new Errors(), Duration.ofSeconds(1));
        assertThat(stats.p50Nanos()).isEqualTo(50);
        assertThat(stats.p99Nanos()).isEqualTo(99);
        assertThat(stats.maxNanos()).isEqualTo(100);
    }

    @Test
    void inputOrderDoesNotMatter() {
        LatencyStats stats = LatencyStats.of(new long[] {30, 10, 20}, new Errors(), Duration.ofSeconds(1));
        assertThat(stats.p50Nanos()).isEqualTo(20);
        assertThat(stats.p99Nanos()).isEqualTo(30);
    }

    @Test
    void throughputIsRequestsPerElapsedSecond() {
        Errors errors = new Errors();
        errors.add(Errors.NO_ANSWER);
        errors.add(503);
        errors.add(503);
        LatencyStats stats = LatencyStats.of(new long[500], errors, Duration.ofMillis(250));
        assertThat(stats.requestsPerSecond()).isEqualTo(2000.0);
        assertThat(stats.errors()).isEqualTo(3);
        assertThat(stats.errorsByStatus().describe()).isEqualTo("503 × 2, no answer × 1");
    }

    @Test
    void emptyRunHasZeroes() {
        LatencyStats stats = LatencyStats.of(new long[0], new Errors(), Duration.ZERO);
        assertThat(stats.p99Nanos()).isZero();
        assertThat(stats.requestsPerSecond()).isZero();
    }
}
