package io.touchpoint.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class LimitTests {

    @Test
    void resetIsTheWholeSecondsUntilTheBucketIsFull() {
        Limit limit = new Limit(10, 100, 1);

        assertThat(limit.secondsUntilFull(100)).isZero();
        assertThat(limit.secondsUntilFull(99)).isEqualTo(1);
        assertThat(limit.secondsUntilFull(0)).isEqualTo(10);
        assertThat(limit.secondsUntilFull(5)).isEqualTo(10);
    }

    @Test
    void retryAfterIsAtLeastOneSecondAndCoversTheMissingTokens() {
        assertThat(new Limit(10, 100, 1).secondsUntilAllowed(0)).isEqualTo(1);
        assertThat(new Limit(1, 10, 3).secondsUntilAllowed(0)).isEqualTo(3);
        assertThat(new Limit(1, 10, 3).secondsUntilAllowed(2)).isEqualTo(1);
    }

    @Test
    void policyNamesRateWindowBurstAndComment() {
        assertThat(new Limit(50, 100, 1).policy("standard \"tenant\""))
                .isEqualTo("50;w=1;burst=100;comment=\"standard tenant\"");
    }

    @Test
    void limitThatCouldNeverAllowARequestIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Limit(0, 10, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Limit(1, 2, 3));
    }

    @Test
    void keyLimitIsTheShareOfThePlanUnlessThePlanSaysOtherwise() {
        assertThat(new PlanLimits(5, 10, 1, null, null).keyLimit(0.5)).isEqualTo(new Limit(3, 5, 1));
        assertThat(new PlanLimits(5, 10, 1, 2, null).keyLimit(0.5)).isEqualTo(new Limit(2, 5, 1));
        assertThat(new PlanLimits(5, 10, 1, null, 8L).keyLimit(1.0)).isEqualTo(new Limit(5, 8, 1));
    }
}
