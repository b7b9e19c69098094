package dev.switchboard.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.emulator.console.ConsoleHandler;
import dev.switchboard.emulator.daily.DailyOptions;
import dev.switchboard.emulator.daily.DailyProvider;
import dev.switchboard.emulator.signalwire.SignalWireProvider;
import dev.switchboard.emulator.server.EmulatedClock;
import dev.switchboard.emulator.server.EmulatorCore;
import dev.switchboard.emulator.server.EmulatorServer;
import dev.switchboard.emulator.server.FaultRule;
import dev.switchboard.emulator.server.FaultRules;
import dev.switchboard.emulator.server.Json;
import dev.switchboard.emulator.server.RateLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/** Configures and starts an {@link Emulator}. Defaults: 127.0.0.1, ephemeral port, seed 0, empty state. */
public final class EmulatorBuilder {
    private String host = "127.0.0.1";
    private int port;
    private long seed;
    private Instant clockStart;
    private boolean clockTicking = true;
    private RateLimits rateLimits = RateLimits.defaults();
    private JsonNode state = Json.object();
    private final List<FaultRule> faults = new ArrayList<>();
    private DailyOptions dailyOptions = DailyOptions.defaults();
    private Duration consoleKeepAlive = ConsoleHandler.DEFAULT_KEEP_ALIVE;
    private LongSupplier rateLimitNanos = System::nanoTime;

    EmulatorBuilder() {
    }

    public EmulatorBuilder host(String value) {
        this.host = value;
        return this;
    }

    /** The port to bind; 0 (the default) picks a free one. */
    public EmulatorBuilder port(int value) {
        this.port = value;
        return this;
    }

    /** Seeds ids, secrets, the available-number stock and fault draws: the same seed repeats a run exactly. */
    public EmulatorBuilder seed(long value) {
        this.seed = value;
        return this;
    }

    /** A frozen emulated clock starting at {@code start}; it moves only through the admin API. */
    public EmulatorBuilder clock(Instant start) {
        this.clockStart = start;
        this.clockTicking = false;
        return this;
    }

    /** An emulated clock starting at {@code start} that also follows real elapsed time. */
    public EmulatorBuilder tickingClock(Instant start) {
        this.clockStart = start;
        this.clockTicking = true;
        return this;
    }

    public EmulatorBuilder rateLimits(RateLimits value) {
        this.rateLimits = value;
        return this;
    }

    /**
     * The monotonic nanosecond time the rate limits count in (default {@code System::nanoTime}). A client that shares
     * it, and skips its waits on it, runs as fast as the server answers while every window still holds in that time.
     */
    public EmulatorBuilder rateLimitTime(LongSupplier nanos) {
        this.rateLimitNanos = java.util.Objects.requireNonNull(nanos, "nanos");
        return this;
    }

    public EmulatorBuilder disableRateLimits() {
        this.rateLimits = new RateLimits(false, rateLimits.retryAfterHeader(), rateLimits.classes());
        return this;
    }

    /** Whether 429 answers carry {@code Retry-After} (off by default: Daily documents no such header). */
    public EmulatorBuilder retryAfterHeader(boolean on) {
        this.rateLimits = rateLimits.withRetryAfterHeader(on);
        return this;
    }

    /** The initial state (see docs/emulator.md); {@code reset} returns to it. */
    public EmulatorBuilder stateFile(Path file) {
        try {
            return stateJson(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read state file " + file, e);
        }
    }

    public EmulatorBuilder stateJson(String json) {
        this.state = Json.parse(json);
        return this;
    }

    /** The demo state: domains {@code source} (key {@code source-key}) and {@code target} (key {@code target-key}). */
    public EmulatorBuilder demoState() {
        try (InputStream in = EmulatorBuilder.class.getResourceAsStream("demo-state.json")) {
            return stateJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("demo state missing from the jar", e);
        }
    }

    public EmulatorBuilder faults(FaultRule... rules) {
        faults.addAll(Arrays.asList(rules));
        return this;
    }

    public EmulatorBuilder faults(List<FaultRule> rules) {
        faults.addAll(rules);
        return this;
    }

    /** Fault rules from a file: one rule object or {@code {"rules": [...]}}. */
    public EmulatorBuilder faultsFile(Path file) {
        try {
            faults.addAll(FaultRules.read(file));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read faults file " + file, e);
        }
    }

    /** The item key of {@code /list-available-numbers}: {@code phoneNumber} (default) or {@code number}. */
    public EmulatorBuilder dailyAvailableNumberKey(String key) {
        this.dailyOptions = new DailyOptions(key);
        return this;
    }

    /** How long the console's event stream may stay quiet before it sends a keep-alive comment (default 15 s). */
    public EmulatorBuilder consoleKeepAlive(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the keep-alive interval must be positive");
        }
        this.consoleKeepAlive = interval;
        return this;
    }

    /** Starts the server; it is serving when this returns. */
    public Emulator start() throws IOException {
        EmulatedClock clock = new EmulatedClock(clockStart != null ? clockStart : Instant.now(), clockTicking);
        DailyProvider daily = new DailyProvider(clock, seed, dailyOptions);
        SignalWireProvider signalwire = new SignalWireProvider(clock, seed);
        EmulatorCore core = new EmulatorCore(seed, clock, rateLimits, rateLimitNanos, faults, List.of(daily, signalwire),
                state);
        EmulatorServer server = new EmulatorServer(core, host, port, new ConsoleHandler(core, consoleKeepAlive));
        return new Emulator(core, server, host, daily, signalwire);
    }
}
