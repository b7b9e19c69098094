package dev.switchboard.daily;

import dev.switchboard.core.http.AuthStrategy;
import dev.switchboard.core.http.HttpApi;
import dev.switchboard.core.http.RateLimits;
import dev.switchboard.core.http.Secret;

import java.net.URI;
import java.time.Duration;

/**
 * Builds the {@link HttpApi}s a {@link DailyClient} uses: one per Daily rate class, each drawing from the
 * budget its (class, key) pair shares across the process.
 */
final class DailyHttp {
    /** Budget namespace of Daily's default class (most endpoints). */
    static final String DEFAULT_CLASS = "daily";
    /** Budget namespace of the class that starts PSTN/SIP calls ({@code dialOut/start}). */
    static final String DIAL_OUT_CLASS = "daily-dialout";
    /** Daily's documented limits for starting a PSTN or SIP call: 1 per second and 5 per five seconds. */
    static final RateLimits DIAL_OUT_LIMITS = RateLimits.of(
            new RateLimits.Window(1, Duration.ofSeconds(1)), new RateLimits.Window(5, Duration.ofSeconds(5)));

    private DailyHttp() {
    }

    /**
     * The budget needs no margin for transit times: it counts each request until a window length after its
     * answer came back, which covers any order in which requests reach Daily (see {@link
     * dev.switchboard.core.http.RateBudget}).
     */
    static HttpApi build(URI baseUri, Secret apiKey, DailyClientOptions options, String budgetClass, RateLimits limits) {
        RateLimits effective = options.maxRequestsPerSecond() > 0 ? limits.cappedAt(options.maxRequestsPerSecond()) : limits;
        return HttpApi.builder(baseUri, AuthStrategy.bearer(apiKey))
                .namespace("daily")
                .connectTimeout(options.connectTimeout())
                .requestTimeout(options.requestTimeout())
                .retryPolicy(options.retryPolicy())
                .rateBudget(options.rateBudgets().budgetFor(budgetClass, apiKey.fingerprint(), effective))
                .errorDecoder(new DailyErrorDecoder())
                .debugSink(options.debugSink())
                .sleeper(options.sleeper())
                .ticker(options.ticker())
                .clock(options.clock())
                .random(options.random())
                .build();
    }
}
