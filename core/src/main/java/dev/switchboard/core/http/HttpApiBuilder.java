package dev.switchboard.core.http;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;

/** Options for {@link HttpApi}; every one has a sensible default except the base URI and credential. */
public final class HttpApiBuilder {
    final URI baseUri;
    final AuthStrategy auth;
    String namespace = "api";
    Duration connectTimeout = HttpClients.DEFAULT_CONNECT_TIMEOUT;
    Duration requestTimeout = Duration.ofSeconds(30);
    RetryPolicy retryPolicy = RetryPolicy.defaults();
    RateBudget budget;
    ErrorDecoder errorDecoder = ErrorDecoder.plainText();
    Redactor redactor = Redactor.standard();
    Consumer<String> debugSink;
    Sleeper sleeper = Sleeper.system();
    Ticker ticker = Ticker.system();
    Clock clock = Clock.systemUTC();
    Random random = new Random();

    HttpApiBuilder(URI baseUri, AuthStrategy auth) {
        this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
        this.auth = Objects.requireNonNull(auth, "auth");
        new BaseUri(baseUri);
    }

    /** A short provider name for traces, e.g. {@code daily}. */
    public HttpApiBuilder namespace(String value) {
        this.namespace = Objects.requireNonNull(value, "namespace");
        return this;
    }

    public HttpApiBuilder connectTimeout(Duration value) {
        this.connectTimeout = positive(value, "connectTimeout");
        return this;
    }

    public HttpApiBuilder requestTimeout(Duration value) {
        this.requestTimeout = positive(value, "requestTimeout");
        return this;
    }

    public HttpApiBuilder retryPolicy(RetryPolicy value) {
        this.retryPolicy = Objects.requireNonNull(value, "retryPolicy");
        return this;
    }

    /** The credential's shared budget (see {@link RateBudgetRegistry}); unlimited when not set. */
    public HttpApiBuilder rateBudget(RateBudget value) {
        this.budget = Objects.requireNonNull(value, "rateBudget");
        return this;
    }

    public HttpApiBuilder errorDecoder(ErrorDecoder value) {
        this.errorDecoder = Objects.requireNonNull(value, "errorDecoder");
        return this;
    }

    public HttpApiBuilder redactor(Redactor value) {
        this.redactor = Objects.requireNonNull(value, "redactor");
        return this;
    }

    /** Receives one redacted line per request, response and failure; null turns tracing off. */
    public HttpApiBuilder debugSink(Consumer<String> value) {
        this.debugSink = value;
        return this;
    }

    /** Waits between retries (tests pass a recording fake). */
    public HttpApiBuilder sleeper(Sleeper value) {
        this.sleeper = Objects.requireNonNull(value, "sleeper");
        return this;
    }

    public HttpApiBuilder ticker(Ticker value) {
        this.ticker = Objects.requireNonNull(value, "ticker");
        return this;
    }

    /** The wall clock used to read {@code Retry-After} HTTP dates. */
    public HttpApiBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /** The jitter source; pass a seeded one for reproducible delays. */
    public HttpApiBuilder random(Random value) {
        this.random = Objects.requireNonNull(value, "random");
        return this;
    }

    public HttpApi build() {
        return new HttpApi(this);
    }

    private static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }
}
