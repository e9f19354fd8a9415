package io.touchpoint.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
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
    void throughputCountsTheRequestsAnsweredAsExpectedPerElapsedSecond() {
        Errors errors = new Errors();
        errors.add(Errors.NO_ANSWER);
        errors.add(503);
        errors.add(503);
        long[] latencies = new long[500];
        Arrays.fill(latencies, 0, 3, LatencyStats.FAILED);
        LatencyStats stats = LatencyStats.of(latencies, errors, Duration.ofMillis(250));
        assertThat(stats.requests()).isEqualTo(500);
        assertThat(stats.okPerSecond()).isEqualTo(1988.0);
        assertThat(stats.errors()).isEqualTo(3);
        assertThat(stats.errorsByStatus().describe()).isEqualTo("503 × 2, no answer × 1");
    }

    @Test
    void fastErrorsDoNotLowerThePercentiles() {
        // A gateway shedding load: half the requests refused within a microsecond, the others answered in 10-59 ms.
        long[] latencies = LongStream.range(0, 100)
                .map(i -> i % 2 == 0 ? LatencyStats.FAILED : (10 + i / 2) * 1_000_000L)
                .toArray();
        LatencyStats stats = LatencyStats.of(latencies, new Errors(), Duration.ofSeconds(1));
        assertThat(stats.p50Nanos()).isEqualTo(34_000_000L);
        assertThat(stats.p99Nanos()).isEqualTo(59_000_000L);
    }

    @Test
    void aRunWithoutAnExpectedAnswerHasZeroPercentiles() {
        LatencyStats stats = LatencyStats.of(
                new long[] {LatencyStats.FAILED, LatencyStats.FAILED}, new Errors(), Duration.ofSeconds(1));
        assertThat(stats.requests()).isEqualTo(2);
        assertThat(stats.p99Nanos()).isZero();
    }

    @Test
    void emptyRunHasZeroes() {
        LatencyStats stats = LatencyStats.of(new long[0], new Errors(), Duration.ZERO);
        assertThat(stats.p99Nanos()).isZero();
        assertThat(stats.okPerSecond()).isZero();
    }
}
