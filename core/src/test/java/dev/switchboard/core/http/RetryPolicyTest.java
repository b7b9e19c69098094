package dev.switchboard.core.http;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    @Test
    void ceilingsGrowByTheFactorUpToTheMaximum() {
        RetryPolicy policy = RetryPolicy.defaults().withMaxDelay(Duration.ofSeconds(5));
        assertThat(policy.ceilingFor(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.ceilingFor(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.ceilingFor(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.ceilingFor(3)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.ceilingFor(60)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void fullJitterStaysUnderTheCeilingAndIsReproducibleFromTheSeed() {
        long seed = 42L;
        System.out.println("jitter seed " + seed);
        RetryPolicy policy = RetryPolicy.defaults();
        Random first = new Random(seed);
        Random second = new Random(seed);
        for (int retry = 0; retry < 6; retry++) {
            Duration delay = policy.jitteredDelay(retry, first);
            assertThat(delay).isBetween(Duration.ZERO, policy.ceilingFor(retry));
            assertThat(policy.jitteredDelay(retry, second)).isEqualTo(delay);
        }
    }

    @Test
    void retryAfterIsClampedAndSettingsAreChecked() {
        RetryPolicy policy = RetryPolicy.defaults();
        assertThat(policy.clampRetryAfter(Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.clampRetryAfter(Duration.ofSeconds(-3))).isZero();
        assertThat(RetryPolicy.none().maxRetries()).isZero();
        assertThatThrownBy(() -> policy.withMaxRetries(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy.withBackoffFactor(0.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
