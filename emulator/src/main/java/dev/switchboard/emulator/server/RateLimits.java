package dev.switchboard.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rate-limit configuration: per class, a list of windows that must all have room for a request.
 * Limits apply per API key and are measured in real monotonic time (or the builder's {@code rateLimitTime}), never
 * the emulated clock.
 *
 * @param enabled          false lets every request through
 * @param retryAfterHeader whether 429 answers carry a {@code Retry-After} header (Daily documents none)
 * @param classes          class name to windows; {@link #DEFAULT_CLASS} applies to requests of unknown classes
 */
public record RateLimits(boolean enabled, boolean retryAfterHeader, Map<String, List<Window>> classes) {
    public static final String DEFAULT_CLASS = "default";
    public static final String DIAL_OUT_CLASS = "dial-out";
    /** SignalWire POST, PUT and PATCH: 13,800 per 10 seconds per credential. */
    public static final String SIGNALWIRE_WRITE_CLASS = "signalwire-write";
    /** SignalWire GET and DELETE: "effectively unlimited" (no window). */
    public static final String SIGNALWIRE_READ_CLASS = "signalwire-read";

    /** At most {@code limit} requests in any {@code period}. */
    public record Window(int limit, Duration period) {
        public Window {
            if (limit < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a window needs limit >= 1 and a positive period");
            }
        }
    }

    public RateLimits {
        Map<String, List<Window>> copy = new LinkedHashMap<>();
        classes.forEach((name, windows) -> copy.put(name, List.copyOf(windows)));
        classes = Map.copyOf(copy);
    }

    /** Daily's documented limits: 20/s and 100/5 s by default; 1/s and 5/5 s for dial-out start. */
    public static RateLimits dailyDefaults() {
        return new RateLimits(true, false, Map.of(
                DEFAULT_CLASS, List.of(new Window(20, Duration.ofSeconds(1)), new Window(100, Duration.ofSeconds(5))),
                DIAL_OUT_CLASS, List.of(new Window(1, Duration.ofSeconds(1)), new Window(5, Duration.ofSeconds(5)))));
    }

    /** Both providers' documented limits: {@link #dailyDefaults()} plus the SignalWire classes. */
    public static RateLimits defaults() {
        Map<String, List<Window>> classes = new LinkedHashMap<>(dailyDefaults().classes());
        classes.put(SIGNALWIRE_WRITE_CLASS, List.of(new Window(13_800, Duration.ofSeconds(10))));
        classes.put(SIGNALWIRE_READ_CLASS, List.of());
        return new RateLimits(true, false, classes);
    }

    public static RateLimits disabled() {
        return new RateLimits(false, false, defaults().classes());
    }

    public RateLimits withRetryAfterHeader(boolean on) {
        return new RateLimits(enabled, on, classes);
    }

    public List<Window> windowsFor(String rateClass) {
        List<Window> windows = classes.get(rateClass);
        return windows != null ? windows : classes.getOrDefault(DEFAULT_CLASS, List.of());
    }

    public ObjectNode toJson() {
        ObjectNode root = Json.object();
        root.put("enabled", enabled);
        root.put("retry_after_header", retryAfterHeader);
        ObjectNode classNodes = root.putObject("classes");
        classes.forEach((name, windows) -> {
            ArrayNode list = classNodes.putArray(name);
            windows.forEach(w -> list.addObject().put("limit", w.limit()).put("window_ms", w.period().toMillis()));
        });
        return root;
    }

    /** Reads the {@link #toJson()} form; fields left out keep the values of {@code base}. */
    public static RateLimits fromJson(JsonNode node, RateLimits base) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("rate limits must be a JSON object");
        }
        boolean enabled = node.has("enabled") ? requireBoolean(node, "enabled") : base.enabled();
        boolean retryAfter = node.has("retry_after_header") ? requireBoolean(node, "retry_after_header")
                : base.retryAfterHeader();
        Map<String, List<Window>> classes = new LinkedHashMap<>(base.classes());
        JsonNode classNodes = node.get("classes");
        if (classNodes != null) {
            if (!classNodes.isObject()) {
                throw new IllegalArgumentException("classes must be an object of class name to windows");
            }
            for (Map.Entry<String, JsonNode> entry : classNodes.properties()) {
                classes.put(entry.getKey(), windows(entry.getValue()));
            }
        }
        return new RateLimits(enabled, retryAfter, classes);
    }

    private static List<Window> windows(JsonNode array) {
        if (!array.isArray()) {
            throw new IllegalArgumentException("a rate-limit class is an array of {limit, window_ms}");
        }
        List<Window> windows = new ArrayList<>();
        for (JsonNode w : array) {
            if (!w.path("limit").canConvertToInt() || !w.path("window_ms").canConvertToLong()) {
                throw new IllegalArgumentException("a window needs integer limit and window_ms");
            }
            windows.add(new Window(w.get("limit").asInt(), Duration.ofMillis(w.get("window_ms").asLong())));
        }
        return windows;
    }

    private static boolean requireBoolean(JsonNode node, String field) {
        if (!node.get(field).isBoolean()) {
            throw new IllegalArgumentException(field + " must be a boolean");
        }
        return node.get(field).asBoolean();
    }
}
