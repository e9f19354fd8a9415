package io.touchpoint.channel.domain.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTests {

    private final RetryPolicy policy = new RetryPolicy(8, Duration.ofSeconds(2), Duration.ofSeconds(30));

    @Test
    void theCeilingDoublesWithEveryAttempt() {
        assertThat(policy.delayAfter(1, 0.999)).isLessThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delayAfter(2, 0.999)).isBetween(Duration.ofMillis(3900), Duration.ofSeconds(4));
        assertThat(policy.delayAfter(3, 0.999)).isBetween(Duration.ofMillis(7900), Duration.ofSeconds(8));
    }

    @Test
    void fullJitterSpreadsDelaysFromZeroToTheCeiling() {
        assertThat(policy.delayAfter(3, 0)).isZero();
        assertThat(policy.delayAfter(3, 0.5)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void theCeilingIsCappedAtTheMaximumBackoff() {
        assertThat(policy.delayAfter(7, 0.999)).isBetween(Duration.ofMillis(29_900), Duration.ofSeconds(30));
        assertThat(policy.delayAfter(60, 0.999)).isLessThanOrEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void attemptsAreExhaustedAtTheMaximum() {
        assertThat(policy.exhaustedAfter(7)).isFalse();
        assertThat(policy.exhaustedAfter(8)).isTrue();
    }

    @Test
    void aPolicyWithoutAttemptsIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO));
    }
}
