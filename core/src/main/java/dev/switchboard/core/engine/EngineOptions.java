package dev.switchboard.core.engine;

import dev.switchboard.core.http.AuthenticationException;
import dev.switchboard.core.http.RetryPolicy;
import dev.switchboard.core.http.Sleeper;
import dev.switchboard.core.journal.JournalException;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * How an {@link Engine} runs a plan.
 *
 * @param concurrency       entries in flight at once (the scheduler's workers)
 * @param rollbackOnFailure whether an entry whose step fails has its done steps undone by their inverses
 * @param stopOnFailure     which exceptions stop the whole run (a wrong key, a journal that cannot write)
 * @param retries           the backoff for {@link Action#retryInRun}
 * @param sleeper           waits for that backoff (tests pass a fake)
 * @param hook              step boundaries, for crash tests
 */
public record EngineOptions(int concurrency, boolean rollbackOnFailure, Predicate<Throwable> stopOnFailure,
                            RetryPolicy retries, Sleeper sleeper, StepHook hook) {
    public EngineOptions {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        Objects.requireNonNull(stopOnFailure, "stopOnFailure");
        Objects.requireNonNull(retries, "retries");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(hook, "hook");
    }

    /** {@code concurrency} workers, no rollback, stop on a rejected key or a failing journal, no in-run retries. */
    public static EngineOptions defaults(int concurrency) {
        return new EngineOptions(concurrency, false,
                failure -> failure instanceof AuthenticationException || failure instanceof JournalException,
                RetryPolicy.none(), Sleeper.system(), StepHook.NONE);
    }

    public EngineOptions withRollbackOnFailure(boolean rollback) {
        return new EngineOptions(concurrency, rollback, stopOnFailure, retries, sleeper, hook);
    }

    public EngineOptions withStopOnFailure(Predicate<Throwable> stop) {
        return new EngineOptions(concurrency, rollbackOnFailure, stop, retries, sleeper, hook);
    }

    public EngineOptions withRetries(RetryPolicy policy, Sleeper waits) {
        return new EngineOptions(concurrency, rollbackOnFailure, stopOnFailure, policy, waits, hook);
    }

    public EngineOptions withHook(StepHook stepHook) {
        return new EngineOptions(concurrency, rollbackOnFailure, stopOnFailure, retries, sleeper, stepHook);
    }
}
