package dev.switchboard.daily.migration;

import dev.switchboard.core.http.RequestPriority;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.DialinConfig;
import dev.switchboard.daily.DialinConfigFilter;
import dev.switchboard.daily.Domain;
import dev.switchboard.daily.PurchasedNumber;
import dev.switchboard.daily.PurchasedNumberFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads both domains with their independent request chains in parallel: each domain's {@code GET /}, its
 * numbers list and its configs list run at once (six chains), while each list's cursor chain stays
 * sequential. The wall time is then the longest chain, not their sum, and each key's budget is kept busy
 * from the first request.
 */
final class InventoryReads {
    /** Both domains read at one moment. */
    record Both(DomainInventory source, DomainInventory target) {
    }

    private InventoryReads() {
    }

    /** Reads everything, {@code GET /} included. */
    static Both both(DailyClient source, DailyClient target) {
        return both(source, null, target, null);
    }

    /**
     * Reads both domains; a domain already read (non-null {@code sourceDomain} / {@code targetDomain}, e.g.
     * the {@code GET /} that opened the run a moment ago) is used as it is instead of being asked for again.
     */
    static Both both(DailyClient source, Domain sourceDomain, DailyClient target, Domain targetDomain) {
        ExecutorService pool = Executors.newFixedThreadPool(6, daemon());
        try {
            Future<Domain> sourceGet = sourceDomain != null ? done(sourceDomain) : pool.submit(source::domain);
            Future<Domain> targetGet = targetDomain != null ? done(targetDomain) : pool.submit(target::domain);
            Future<List<PurchasedNumber>> sourceNumbers = pool.submit(() -> numbers(source));
            Future<List<PurchasedNumber>> targetNumbers = pool.submit(() -> numbers(target));
            Future<List<DialinConfig>> sourceConfigs = pool.submit(() -> configs(source));
            Future<List<DialinConfig>> targetConfigs = pool.submit(() -> configs(target));
            return new Both(DomainInventory.of(get(sourceGet), get(sourceNumbers), get(sourceConfigs)),
                    DomainInventory.of(get(targetGet), get(targetNumbers), get(targetConfigs)));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs both calls at once and returns their answers in order (e.g. both domains' {@code GET /}). */
    static <T> List<T> inParallel(Callable<T> first, Callable<T> second) {
        ExecutorService pool = Executors.newFixedThreadPool(2, daemon());
        try {
            Future<T> a = pool.submit(first);
            Future<T> b = pool.submit(second);
            List<T> answers = new ArrayList<>(2);
            answers.add(get(a));
            answers.add(get(b));
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The numbers listing is the longer chain (50 items a page against the configs' 100), so its pages go
     * first when both wait for the key's budget: the configs fill the slots it leaves, and the two chains end
     * together instead of the numbers finishing alone, one page per round trip, after the configs are done.
     */
    private static List<PurchasedNumber> numbers(DailyClient client) {
        try (RequestPriority.Scope scope = RequestPriority.NORMAL.enter()) {
            return client.purchasedNumbers(PurchasedNumberFilter.all());
        }
    }

    private static List<DialinConfig> configs(DailyClient client) {
        try (RequestPriority.Scope scope = RequestPriority.LOW.enter()) {
            return client.dialinConfigs(DialinConfigFilter.all());
        }
    }

    private static <T> Future<T> done(T value) {
        return java.util.concurrent.CompletableFuture.completedFuture(value);
    }

    /** The answer, or the call's own failure (unwrapped) so callers see what a sequential read would throw. */
    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the domains", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "switchboard-read");
            thread.setDaemon(true);
            return thread;
        };
    }
}
