package dev.switchboard.core.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * How failed attempts are retried: up to {@code maxRetries} extra attempts, waiting a "full jitter"
 * delay, uniformly random in {@code [0, min(maxDelay, initialDelay * backoffFactor^retry)]}. These map
 * onto Daily's transfer utility's MAX_RETRIES, INITIAL_DELAY and BACKOFF_FACTOR. A provider's
 * {@code Retry-After} is honoured instead of the jittered delay, up to {@code maxRetryAfter}.
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, double backoffFactor, Duration maxDelay,
                         Duration maxRetryAfter) {

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
        }
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (initialDelay.isNegative() || maxDelay.isNegative() || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("retry delays must not be negative");
        }
        if (!(backoffFactor >= 1.0)) {
            throw new IllegalArgumentException("backoffFactor must be >= 1, was " + backoffFactor);
        }
    }

    /** 3 retries, 1 s initial delay, factor 2, at most 30 s per wait, Retry-After honoured up to 2 min. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30), Duration.ofMinutes(2));
    }

    /** No retries at all. */
    public static RetryPolicy none() {
        return new RetryPolicy(0, Duration.ZERO, 1.0, Duration.ZERO, Duration.ZERO);
    }

    public RetryPolicy withMaxRetries(int retries) {
        return new RetryPolicy(retries, initialDelay, backoffFactor, maxDelay, maxRetryAfter);
    }

    public RetryPolicy withInitialDelay(Duration delay) {
        return new RetryPolicy(maxRetries, delay, backoffFactor, maxDelay, maxRetryAfter);
    }

    public RetryPolicy withBackoffFactor(double factor) {
        return new RetryPolicy(maxRetries, initialDelay, factor, maxDelay, maxRetryAfter);
    }

    public RetryPolicy withMaxDelay(Duration delay) {
        return new RetryPolicy(maxRetries, initialDelay, backoffFactor, delay, maxRetryAfter);
    }

    /** The upper bound of the wait before retry number {@code retry} (0 for the first retry). */
    public Duration ceilingFor(int retry) {
        double nanos = initialDelay.toNanos() * Math.pow(backoffFactor, retry);
        long capped = (long) Math.min(nanos, (double) maxDelay.toNanos());
        return Duration.ofNanos(capped);
    }

    /** A full-jitter wait before retry number {@code retry}, drawn from {@code random}. */
    public Duration jitteredDelay(int retry, Random random) {
        long ceiling = ceilingFor(retry).toNanos();
        if (ceiling <= 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) (random.nextDouble() * ceiling));
    }

    /** A provider-requested wait, clamped to {@code [0, maxRetryAfter]}. */
    public Duration clampRetryAfter(Duration requested) {
        if (requested.isNegative()) {
            return Duration.ZERO;
        }
        return requested.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : requested;
    }
}
