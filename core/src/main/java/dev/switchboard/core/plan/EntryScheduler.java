package dev.switchboard.core.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Runs a list of entries with a fixed number of worker threads. Each worker takes the next entry in
 * list order and runs its whole {@link EntryWork} before taking another, so at most {@code concurrency}
 * entries are in flight and an entry, once started, is finished before the worker starts a new one.
 *
 * <p>{@link #requestStop} (from any thread: a Ctrl-C hook, the work itself, a fatal-error policy) stops
 * the taking of new entries; entries already running finish normally and unstarted ones are reported as
 * {@link EntryOutcome.NotStarted}. Workers are never interrupted: an entry's steps are not abandoned
 * halfway.
 *
 * <p>One instance serves one {@link #run}.
 *
 * @param <E> the entry type
 * @param <R> the result type of the work
 */
public final class EntryScheduler<E, R> {
    private static final AtomicInteger RUN_NUMBERS = new AtomicInteger();

    private final int concurrency;
    private final ProgressListener<E, R> listener;
    private final Predicate<Throwable> stopOnFailure;
    private final AtomicBoolean used = new AtomicBoolean();
    private final CountDownLatch completed = new CountDownLatch(1);

    /** Guards the counters below, the stop reason and every listener call. */
    private final Object state = new Object();
    private int total;
    private int nextIndex;
    private int succeeded;
    private int failed;
    private String stopReason;

    /**
     * @param concurrency   number of worker threads (at least 1)
     * @param listener      progress observer ({@link ProgressListener#none()} for none)
     * @param stopOnFailure which failures stop the run (e.g. an authentication error); JVM
     *                      {@link Error}s always do
     */
    public EntryScheduler(int concurrency, ProgressListener<E, R> listener, Predicate<Throwable> stopOnFailure) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        this.concurrency = concurrency;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.stopOnFailure = Objects.requireNonNull(stopOnFailure, "stopOnFailure");
    }

    /** A scheduler without listener that keeps going after failures. */
    public EntryScheduler(int concurrency) {
        this(concurrency, ProgressListener.none(), failure -> false);
    }

    /**
     * Runs {@code work} for every entry and blocks until no entry is running. If the calling thread is
     * interrupted, the run is stopped (running entries still finish) and the interrupt flag is restored.
     */
    public RunResult<E, R> run(List<? extends E> entries, EntryWork<? super E, ? extends R> work) {
        Objects.requireNonNull(work, "work");
        if (!used.compareAndSet(false, true)) {
            throw new IllegalStateException("an EntryScheduler runs only once; create a new one");
        }
        List<E> input = List.copyOf(entries);
        List<EntryOutcome<E, R>> outcomes = new ArrayList<>(input.size());
        for (int i = 0; i < input.size(); i++) {
            outcomes.add(null);
        }
        synchronized (state) {
            total = input.size();
        }
        int workers = Math.max(1, Math.min(concurrency, input.size()));
        ExecutorService pool = Executors.newFixedThreadPool(workers, threadFactory());
        try {
            for (int i = 0; i < workers; i++) {
                pool.execute(() -> workLoop(input, work, outcomes));
            }
        } finally {
            pool.shutdown();
            awaitQuietly(pool);
            completed.countDown();
        }
        synchronized (state) {
            for (int i = 0; i < input.size(); i++) {
                if (outcomes.get(i) == null) {
                    outcomes.set(i, new EntryOutcome.NotStarted<>(i, input.get(i)));
                }
            }
            return new RunResult<>(outcomes, Optional.ofNullable(stopReason));
        }
    }

    /**
     * Stops taking new entries. Safe from any thread, before or during the run; only the first reason
     * is kept.
     *
     * @return whether this call was the first stop request
     */
    public boolean requestStop(String reason) {
        Objects.requireNonNull(reason, "reason");
        synchronized (state) {
            if (stopReason != null) {
                return false;
            }
            stopReason = reason;
            notifyListener(() -> listener.stopRequested(reason, progress()));
            return true;
        }
    }

    public boolean isStopRequested() {
        synchronized (state) {
            return stopReason != null;
        }
    }

    /** Waits until {@link #run} has returned or is about to (all workers done); false on timeout. */
    public boolean awaitCompletion(Duration timeout) throws InterruptedException {
        return completed.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Counts right now. */
    public Progress progress() {
        synchronized (state) {
            return new Progress(total, nextIndex, succeeded, failed);
        }
    }

    private void workLoop(List<E> input, EntryWork<? super E, ? extends R> work, List<EntryOutcome<E, R>> outcomes) {
        while (true) {
            int index = takeNext(input);
            if (index < 0) {
                return;
            }
            E entry = input.get(index);
            EntryOutcome<E, R> outcome;
            try {
                outcome = new EntryOutcome.Succeeded<>(index, entry, work.run(entry));
            } catch (Throwable error) {
                outcome = new EntryOutcome.Failed<>(index, entry, error);
                if (error instanceof Error || stopOnFailure.test(error)) {
                    requestStop("entry " + index + " failed: " + error.getClass().getSimpleName());
                }
            }
            finish(outcome, outcomes);
        }
    }

    private int takeNext(List<E> input) {
        synchronized (state) {
            if (stopReason != null || nextIndex >= input.size()) {
                return -1;
            }
            int index = nextIndex++;
            notifyListener(() -> listener.started(index, input.get(index), progress()));
            return index;
        }
    }

    private void finish(EntryOutcome<E, R> outcome, List<EntryOutcome<E, R>> outcomes) {
        synchronized (state) {
            outcomes.set(outcome.index(), outcome);
            if (outcome instanceof EntryOutcome.Succeeded) {
                succeeded++;
            } else {
                failed++;
            }
            notifyListener(() -> listener.finished(outcome, progress()));
        }
    }

    /** Caller holds {@link #state}. A throwing listener must not corrupt the bookkeeping: stop instead. */
    private void notifyListener(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            if (stopReason == null) {
                stopReason = "progress listener failed: " + e.getClass().getSimpleName();
            }
        }
    }

    /** Waits for the workers; an interrupt stops the run but still waits for running entries. */
    private void awaitQuietly(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.HOURS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
                requestStop("interrupted");
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threadFactory() {
        int run = RUN_NUMBERS.incrementAndGet();
        AtomicInteger workerNumbers = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "switchboard-run" + run + "-worker" + workerNumbers.incrementAndGet());
            thread.setDaemon(false);
            return thread;
        };
    }
}
