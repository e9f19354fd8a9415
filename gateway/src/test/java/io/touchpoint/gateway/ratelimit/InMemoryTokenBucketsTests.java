package io.touchpoint.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InMemoryTokenBucketsTests {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final InMemoryTokenBuckets buckets = new InMemoryTokenBuckets(nanos::get);
    private final Limit limit = new Limit(2, 4, 1);

    @Test
    void fullBucketAllowsItsBurstThenRefuses() {
        List<Decision> decisions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            decisions.add(buckets.consume("a", limit));
        }

        assertThat(decisions).extracting(Decision::allowed).containsExactly(true, true, true, true, false);
        assertThat(decisions).extracting(Decision::remaining).containsExactly(3L, 2L, 1L, 0L, 0L);
    }

    @Test
    void refusedRequestIsToldWhenToRetryAndWhenTheBucketIsFull() {
        drain("a");

        Decision refused = buckets.consume("a", limit);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(refused.resetSeconds()).isEqualTo(2);
    }

    @Test
    void bucketRefillsAtItsRateUpToItsCapacity() {
        drain("a");

        advance(Duration.ofMillis(500));
        assertThat(buckets.consume("a", limit).allowed()).isTrue();
        assertThat(buckets.consume("a", limit).allowed()).isFalse();

        advance(Duration.ofMinutes(1));
        assertThat(buckets.consume("a", limit).remaining()).isEqualTo(3);
    }

    @Test
    void availableTokensAreReadWithoutTakingAny() {
        assertThat(buckets.available("new", limit)).isEqualTo(4);
        drain("a");
        assertThat(buckets.available("a", limit)).isZero();

        advance(Duration.ofMillis(1_000));
        assertThat(buckets.available("a", limit)).isEqualTo(2);
        assertThat(buckets.available("a", limit)).isEqualTo(2);
        assertThat(buckets.consume("a", limit).remaining()).isEqualTo(1);
    }

    @Test
    void oneBucketEmptiedLeavesTheOthersFull() {
        drain("tenant:a");

        Decision other = buckets.consume("tenant:b", limit);

        assertThat(other.allowed()).isTrue();
        assertThat(other.remaining()).isEqualTo(3);
    }

    @Test
    void concurrentRequestsNeverSpendMoreThanTheBucketHolds() throws Exception {
        Limit large = new Limit(1, 1_000, 1);
        int threads = 8;
        int attemptsPerThread = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> allowedPerThread = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                allowedPerThread.add(pool.submit(() -> {
                    start.await();
                    int allowed = 0;
                    for (int i = 0; i < attemptsPerThread; i++) {
                        if (buckets.consume("shared", large).allowed()) {
                            allowed++;
                        }
                    }
                    return allowed;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> future : allowedPerThread) {
                total += future.get();
            }
            // The clock stands still: exactly the burst capacity, however the threads interleave.
            assertThat(total).isEqualTo(1_000);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void bucketsThatWouldBeFullAgainAreDropped() {
        buckets.consume("idle", limit);
        drain("busy");
        advance(Duration.ofSeconds(1));
        buckets.consume("busy", limit);
        assertThat(buckets.size()).isEqualTo(2);

        // 10 s later both would be full; pruning runs on the next request and drops them.
        advance(Duration.ofSeconds(10));
        buckets.consume("new", limit);

        assertThat(buckets.size()).isEqualTo(1);
        assertThat(buckets.consume("busy", limit).remaining()).isEqualTo(3);
    }

    private void drain(String id) {
        while (buckets.consume(id, limit).allowed()) {
            // keep taking
        }
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
