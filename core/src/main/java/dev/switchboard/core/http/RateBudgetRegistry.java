package dev.switchboard.core.http;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Hands out one {@link RateBudget} per (namespace, credential fingerprint), so every client in the
 * process that uses the same key draws from the same budget. The first registration of a key fixes its
 * limits; later requests for the same key get that budget whatever limits they pass, so configure the
 * cap (e.g. {@code --max-rps}) once, before the first client is built. Thread-safe.
 */
public final class RateBudgetRegistry {
    private static final RateBudgetRegistry GLOBAL = new RateBudgetRegistry(Ticker.system(), Sleeper.system());

    private final ConcurrentMap<String, RateBudget> budgets = new ConcurrentHashMap<>();
    private final Ticker ticker;
    private final Sleeper sleeper;

    public RateBudgetRegistry(Ticker ticker, Sleeper sleeper) {
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** The process-wide registry on the system clock. */
    public static RateBudgetRegistry global() {
        return GLOBAL;
    }

    /**
     * The budget for this provider namespace (e.g. {@code "daily"}) and credential, created with
     * {@code limits} if it does not exist yet.
     */
    public RateBudget budgetFor(String namespace, String credentialFingerprint, RateLimits limits) {
        Objects.requireNonNull(limits, "limits");
        String key = Objects.requireNonNull(namespace, "namespace") + "/"
                + Objects.requireNonNull(credentialFingerprint, "credentialFingerprint");
        return budgets.computeIfAbsent(key, k -> new RateBudget(limits, ticker, sleeper));
    }
}
