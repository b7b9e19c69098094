package dev.switchboard.signalwire;

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
 * How a {@link SignalWireClient} talks to a space. {@code maxRequestsPerSecond} (0 = SignalWire's
 * documented limit only) tightens the shared per-credential budget taken from {@code rateBudgets}; the
 * first client built for a credential fixes its limits. {@code pageSize} (1 to 1000) is the
 * {@code page_size} of the first page of every Relay REST listing; later pages follow the links.
 * {@code debugSink} (null = off) receives redacted trace lines. {@code sleeper}, {@code ticker},
 * {@code clock} and {@code random} exist for deterministic tests.
 */
public record SignalWireClientOptions(Duration connectTimeout, Duration requestTimeout, RetryPolicy retryPolicy,
                                      int maxRequestsPerSecond, int pageSize, Consumer<String> debugSink,
                                      RateBudgetRegistry rateBudgets, Sleeper sleeper, Ticker ticker, Clock clock,
                                      Random random) {
    public static final int MAX_PAGE_SIZE = 1000;

    public SignalWireClientOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(rateBudgets, "rateBudgets");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        if (maxRequestsPerSecond < 0) {
            throw new IllegalArgumentException("maxRequestsPerSecond must be >= 0 (0 means no extra cap)");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be 1 to " + MAX_PAGE_SIZE + ", was " + pageSize);
        }
    }

    /** 10 s connect, 30 s request timeout, 3 retries from 1 s doubling, pages of 100, no trace. */
    public static SignalWireClientOptions defaults() {
        return new SignalWireClientOptions(Duration.ofSeconds(10), Duration.ofSeconds(30), RetryPolicy.defaults(), 0,
                100, null, RateBudgetRegistry.global(), Sleeper.system(), Ticker.system(), Clock.systemUTC(),
                new Random());
    }

    public SignalWireClientOptions withTimeouts(Duration connect, Duration request) {
        return new SignalWireClientOptions(connect, request, retryPolicy, maxRequestsPerSecond, pageSize, debugSink,
                rateBudgets, sleeper, ticker, clock, random);
    }

    public SignalWireClientOptions withRetryPolicy(RetryPolicy value) {
        return new SignalWireClientOptions(connectTimeout, requestTimeout, value, maxRequestsPerSecond, pageSize,
                debugSink, rateBudgets, sleeper, ticker, clock, random);
    }

    public SignalWireClientOptions withMaxRequestsPerSecond(int value) {
        return new SignalWireClientOptions(connectTimeout, requestTimeout, retryPolicy, value, pageSize, debugSink,
                rateBudgets, sleeper, ticker, clock, random);
    }

    public SignalWireClientOptions withPageSize(int value) {
        return new SignalWireClientOptions(connectTimeout, requestTimeout, retryPolicy, maxRequestsPerSecond, value,
                debugSink, rateBudgets, sleeper, ticker, clock, random);
    }

    public SignalWireClientOptions withDebugSink(Consumer<String> value) {
        return new SignalWireClientOptions(connectTimeout, requestTimeout, retryPolicy, maxRequestsPerSecond, pageSize,
                value, rateBudgets, sleeper, ticker, clock, random);
    }

    public SignalWireClientOptions withRateBudgets(RateBudgetRegistry value) {
        return new SignalWireClientOptions(connectTimeout, requestTimeout, retryPolicy, maxRequestsPerSecond, pageSize,
                debugSink, value, sleeper, ticker, clock, random);
    }

    /** Test hook: fake time for retries and rate waits, a fixed wall clock, seeded jitter. */
    public SignalWireClientOptions withTiming(Sleeper sleeperValue, Ticker tickerValue, Clock clockValue,
                                              Random randomValue) {
        return new SignalWireClientOptions(connectTimeout, requestTimeout, retryPolicy, maxRequestsPerSecond, pageSize,
                debugSink, rateBudgets, sleeperValue, tickerValue, clockValue, randomValue);
    }

    @Override
    public String toString() {
        return "SignalWireClientOptions[connect " + connectTimeout + ", request " + requestTimeout + ", " + retryPolicy
                + ", maxRequestsPerSecond " + maxRequestsPerSecond + ", pageSize " + pageSize + ", trace "
                + (debugSink != null) + "]";
    }
}
