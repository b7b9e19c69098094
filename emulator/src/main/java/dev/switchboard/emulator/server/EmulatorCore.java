package dev.switchboard.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Everything a running emulator holds besides the socket: providers, emulated clock, fault rules, rate limiter,
 * request log, and the initial state and faults that {@link #reset()} returns to.
 */
public final class EmulatorCore {
    private final long seed;
    private final EmulatedClock clock;
    private final FaultInjector faults;
    private final List<FaultRule> initialFaults;
    private final RateLimiter rateLimiter;
    private final RateLimits initialLimits;
    private final RequestLog requestLog = new RequestLog();
    private final List<Provider> providers;
    private final JsonNode initialState;
    private final List<Runnable> stateListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public EmulatorCore(long seed, EmulatedClock clock, RateLimits limits, List<FaultRule> initialFaults,
                        List<Provider> providers, JsonNode initialState) {
        this(seed, clock, limits, System::nanoTime, initialFaults, providers, initialState);
    }

    /** {@code rateLimitNanos}: the monotonic time the rate limits count in (real time unless told). */
    public EmulatorCore(long seed, EmulatedClock clock, RateLimits limits, java.util.function.LongSupplier rateLimitNanos,
                        List<FaultRule> initialFaults, List<Provider> providers, JsonNode initialState) {
        this.seed = seed;
        this.clock = clock;
        this.faults = new FaultInjector(seed);
        this.initialFaults = List.copyOf(initialFaults);
        this.rateLimiter = new RateLimiter(limits, rateLimitNanos);
        this.initialLimits = limits;
        this.providers = List.copyOf(providers);
        this.initialState = initialState == null ? Json.object() : initialState.deepCopy();
        reset();
    }

    public long seed() {
        return seed;
    }

    public EmulatedClock clock() {
        return clock;
    }

    public FaultInjector faults() {
        return faults;
    }

    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    public RequestLog requestLog() {
        return requestLog;
    }

    public List<Provider> providers() {
        return providers;
    }

    /** Back to the start: initial state, clock, faults and rate limits; empty request log. */
    public synchronized void reset() {
        clock.reset();
        faults.clear();
        initialFaults.forEach(faults::add);
        rateLimiter.configure(initialLimits);
        requestLog.clear();
        loadState(initialState);
    }

    /** Runs {@code listener} after every state load or reset (through HTTP or Java); it must not block. */
    public void addStateListener(Runnable listener) {
        stateListeners.add(listener);
    }

    /**
     * Replaces all provider state with the given state document. An optional top-level {@code clock} (ISO
     * instant) moves the emulated clock. Ids generated afterwards come from an RNG seeded by the seed and the
     * document, so they never repeat ids of the loaded state and a run still repeats exactly.
     */
    public synchronized void loadState(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the state must be a JSON object");
        }
        Instant clockValue = null;
        if (root.hasNonNull("clock")) {
            try {
                clockValue = Instant.parse(root.get("clock").asText());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("clock must be an ISO-8601 instant", e);
            }
        }
        long idSeed = seed * 1_000_003L ^ fnv64(Json.bytes(root));
        Instant before = clock.now();
        if (clockValue != null) {
            clock.set(clockValue);
        }
        try {
            for (Provider provider : providers) {
                provider.loadState(root.get(provider.name()), idSeed);
            }
        } catch (RuntimeException e) {
            clock.set(before);
            throw e;
        }
        stateListeners.forEach(Runnable::run);
    }

    /** The whole state; loading it again gives the same state. */
    public synchronized ObjectNode dumpState() {
        ObjectNode root = Json.object();
        root.put("clock", clock.now().toString());
        for (Provider provider : providers) {
            root.set(provider.name(), provider.dumpState());
        }
        return root;
    }

    public Provider providerFor(String path) {
        for (Provider provider : providers) {
            if (provider.serves(path)) {
                return provider;
            }
        }
        return null;
    }

    private static long fnv64(byte[] bytes) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
