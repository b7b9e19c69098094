package dev.switchboard.daily;

import dev.switchboard.core.http.RateBudgetRegistry;
import dev.switchboard.core.http.RetryPolicy;
import dev.switchboard.core.http.Sleeper;
import dev.switchboard.core.http.Ticker;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;

/**
 * How a {@link DailyClient} talks to Daily. {@code maxRequestsPerSecond} (0 = Daily's documented limits
 * only) tightens the shared per-key budget, which is taken from {@code rateBudgets}; the first client
 * built for a key fixes that key's limits. {@code debugSink} (null = off) receives redacted trace lines;
 * {@code pageListener} hears of every page a list reads.
 * {@code sleeper}, {@code ticker}, {@code clock} and {@code random} exist for deterministic tests.
 */
public record DailyClientOptions(Duration connectTimeout, Duration requestTimeout, RetryPolicy retryPolicy,
                                 int maxRequestsPerSecond, Consumer<String> debugSink, RateBudgetRegistry rateBudgets,
                                 Sleeper sleeper, Ticker ticker, Clock clock, Random random,
                                 PageListener pageListener) {
    public DailyClientOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(rateBudgets, "rateBudgets");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(pageListener, "pageListener");
        if (maxRequestsPerSecond < 0) {
            throw new IllegalArgumentException("maxRequestsPerSecond must be >= 0 (0 means no extra cap)");
        }
    }

    /** 10 s connect, 30 s request timeout, 3 retries from 1 s doubling, Daily's limits, no trace. */
    public static DailyClientOptions defaults() {
        return new DailyClientOptions(Duration.ofSeconds(10), Duration.ofSeconds(30), RetryPolicy.defaults(), 0, null,
                RateBudgetRegistry.global(), Sleeper.system(), Ticker.system(), Clock.systemUTC(), new Random(), PageListener.NONE);
    }

    public DailyClientOptions withTimeouts(Duration connect, Duration request) {
        return new DailyClientOptions(connect, request, retryPolicy, maxRequestsPerSecond, debugSink, rateBudgets,
                sleeper, ticker, clock, random, pageListener);
    }

    public DailyClientOptions withRetryPolicy(RetryPolicy value) {
        return new DailyClientOptions(connectTimeout, requestTimeout, value, maxRequestsPerSecond, debugSink, rateBudgets,
                sleeper, ticker, clock, random, pageListener);
    }

    public DailyClientOptions withMaxRequestsPerSecond(int value) {
        return new DailyClientOptions(connectTimeout, requestTimeout, retryPolicy, value, debugSink, rateBudgets,
                sleeper, ticker, clock, random, pageListener);
    }

    public DailyClientOptions withDebugSink(Consumer<String> value) {
        return new DailyClientOptions(connectTimeout, requestTimeout, retryPolicy, maxRequestsPerSecond, value, rateBudgets,
                sleeper, ticker, clock, random, pageListener);
    }

    public DailyClientOptions withRateBudgets(RateBudgetRegistry value) {
        return new DailyClientOptions(connectTimeout, requestTimeout, retryPolicy, maxRequestsPerSecond, debugSink, value,
                sleeper, ticker, clock, random, pageListener);
    }

    /** Test hook: fake time for retries and rate waits, a fixed wall clock, seeded jitter. */
    public DailyClientOptions withTiming(Sleeper sleeperValue, Ticker tickerValue, Clock clockValue, Random randomValue) {
        return new DailyClientOptions(connectTimeout, requestTimeout, retryPolicy, maxRequestsPerSecond, debugSink,
                rateBudgets, sleeperValue, tickerValue, clockValue, randomValue, pageListener);
    }

    /** Told about every page a list reads, so a long listing can show progress. */
    public DailyClientOptions withPageListener(PageListener value) {
        return new DailyClientOptions(connectTimeout, requestTimeout, retryPolicy, maxRequestsPerSecond, debugSink,
                rateBudgets, sleeper, ticker, clock, random, value);
    }

    @Override
    public String toString() {
        return "DailyClientOptions[connect " + connectTimeout + ", request " + requestTimeout + ", " + retryPolicy
                + ", maxRequestsPerSecond " + maxRequestsPerSecond + ", trace " + (debugSink != null) + "]";
    }
}
