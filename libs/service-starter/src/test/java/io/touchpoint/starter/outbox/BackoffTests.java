package io.touchpoint.starter.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTests {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10));

    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void delayDoublesUpToTheCap() {
        assertThat(backoff.failed(now)).hasSeconds(1);
        assertThat(backoff.failed(now)).hasSeconds(2);
        assertThat(backoff.failed(now)).hasSeconds(4);
        assertThat(backoff.failed(now)).hasSeconds(8);
        assertThat(backoff.failed(now)).hasSeconds(10);
        assertThat(backoff.failed(now)).hasSeconds(10);
    }

    @Test
    void waitsOnlyUntilTheDelayHasPassed() {
        backoff.failed(now);

        assertThat(backoff.waiting(now.plusMillis(999))).isTrue();
        assertThat(backoff.waiting(now.plusSeconds(1))).isFalse();
    }

    @Test
    void successEndsTheBackoff() {
        backoff.failed(now);
        backoff.failed(now);

        backoff.succeeded();

        assertThat(backoff.waiting(now)).isFalse();
        assertThat(backoff.failed(now)).hasSeconds(1);
    }
}
