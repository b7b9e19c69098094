package dev.switchboard.daily.migration;

import dev.switchboard.core.http.RetryPolicy;
import dev.switchboard.core.http.Sleeper;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How apply and rollback run.
 *
 * @param concurrency  entries in flight at once (1 = one after the other; {@link #AUTO_CONCURRENCY}: chosen
 *                     by {@link ApplyConcurrency} from the keys' rate and observed latency)
 * @param stepRetries  how often a transfer (or a create that failed transiently) is tried again once
 *                     reading state has shown it was not applied, with the policy's backoff between tries
 * @param entryPause   a pause between entries ({@code TRANSFER_DELAY}; zero by default since the client
 *                     paces itself by the rate budget)
 * @param successFile  {@code transfer_success.json}, or null for none
 * @param failureFile  {@code transfer_failures.json}, or null for none
 * @param stepListener boundary hook (tests)
 */
public record MigrationOptions(int concurrency, RetryPolicy stepRetries, Duration entryPause, Path successFile,
                               Path failureFile, Sleeper sleeper, Clock clock, StepListener stepListener) {
    /** {@code concurrency} value asking {@link ApplyConcurrency} to choose. */
    public static final int AUTO_CONCURRENCY = 0;

    public MigrationOptions {
        if (concurrency < 0) {
            throw new IllegalArgumentException("concurrency must be at least 1 (or AUTO_CONCURRENCY)");
        }
        Objects.requireNonNull(stepRetries, "stepRetries");
        Objects.requireNonNull(entryPause, "entryPause");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(stepListener, "stepListener");
        if (entryPause.isNegative()) {
            throw new IllegalArgumentException("entryPause must not be negative");
        }
    }

    /** One entry at a time, the default retry policy, no pause, no files, real time. */
    public static MigrationOptions defaults() {
        return new MigrationOptions(1, RetryPolicy.defaults(), Duration.ZERO, null, null, Sleeper.system(),
                Clock.systemUTC(), StepListener.none());
    }

    /** Writes the success and failure files into {@code directory} under their usual names. */
    public MigrationOptions withOutcomeFilesIn(Path directory) {
        return new MigrationOptions(concurrency, stepRetries, entryPause, directory.resolve("transfer_success.json"),
                directory.resolve("transfer_failures.json"), sleeper, clock, stepListener);
    }

    public MigrationOptions withConcurrency(int value) {
        return new MigrationOptions(value, stepRetries, entryPause, successFile, failureFile, sleeper, clock, stepListener);
    }

    public MigrationOptions withStepRetries(RetryPolicy value) {
        return new MigrationOptions(concurrency, value, entryPause, successFile, failureFile, sleeper, clock, stepListener);
    }

    public MigrationOptions withEntryPause(Duration value) {
        return new MigrationOptions(concurrency, stepRetries, value, successFile, failureFile, sleeper, clock, stepListener);
    }

    public MigrationOptions withTiming(Sleeper sleeperValue, Clock clockValue) {
        return new MigrationOptions(concurrency, stepRetries, entryPause, successFile, failureFile, sleeperValue,
                clockValue, stepListener);
    }

    public MigrationOptions withStepListener(StepListener value) {
        return new MigrationOptions(concurrency, stepRetries, entryPause, successFile, failureFile, sleeper, clock, value);
    }
}
