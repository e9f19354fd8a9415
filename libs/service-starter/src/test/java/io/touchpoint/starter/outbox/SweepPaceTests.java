package io.touchpoint.starter.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SweepPaceTests {

    private final SweepPace pace = new SweepPace(Duration.ofSeconds(1), Duration.ofSeconds(10));

    @Test
    void theFirstTickSweeps() {
        assertThat(pace.due(0)).isTrue();
    }

    @Test
    void emptySweepsDoubleTheWaitUpToTheIdleInterval() {
        long now = 0;
        long[] waits = new long[6];
        for (int i = 0; i < waits.length; i++) {
            pace.swept(now, false);
            waits[i] = nextDue(now);
            now += waits[i];
        }

        assertThat(waits).containsExactly(2_000, 4_000, 8_000, 10_000, 10_000, 10_000);
    }

    @Test
    void aSweepThatFindsWorkBringsThePaceBackToThePollInterval() {
        pace.swept(0, false);
        pace.swept(2_000, false);
        pace.swept(6_000, false);

        pace.swept(14_000, true);

        assertThat(nextDue(14_000)).isEqualTo(1_000);
        pace.swept(15_000, false);
        assertThat(nextDue(15_000)).isEqualTo(2_000);
    }

    @Test
    void aHurryMakesTheNextTickSweepOnce() {
        pace.swept(0, false);
        pace.swept(2_000, false);
        assertThat(pace.due(2_001)).isFalse();

        pace.hurry();

        assertThat(pace.due(2_001)).as("hurried").isTrue();
        assertThat(pace.due(2_002))
                .as("the hurry is used up by the sweep it started")
                .isFalse();
    }

    @Test
    void aHurryStartsThePaceOverFromThePollInterval() {
        pace.swept(0, false);
        pace.swept(2_000, false);
        pace.swept(6_000, false);
        pace.hurry();
        assertThat(pace.due(6_001)).isTrue();

        pace.swept(6_002, false);

        assertThat(nextDue(6_002))
                .as("an empty hurried sweep doubles the poll interval, not the idle wait")
                .isEqualTo(2_000);
    }

    @Test
    void anIdleIntervalBelowThePollIntervalMeansSweepingEveryPollInterval() {
        SweepPace fixed = new SweepPace(Duration.ofSeconds(1), Duration.ZERO);

        fixed.swept(0, false);
        fixed.swept(1_000, false);

        assertThat(fixed.due(1_999)).isFalse();
        assertThat(fixed.due(2_000)).isTrue();
    }

    /** Milliseconds after {@code sweptAt} at which the pace next says the relay is due. */
    private long nextDue(long sweptAt) {
        long at = sweptAt;
        while (!pace.due(at)) {
            at++;
        }
        return at - sweptAt;
    }
}
