package dev.switchboard.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One fault-injection rule. It matches a method ({@code *} for any), a path glob ({@code *} matches any run of
 * characters, slashes included; the path includes the provider prefix, e.g. {@code /v1/transfer-phone-number/*})
 * and optionally one API key. It fires either with a probability (drawn from the seeded fault RNG) or for the
 * next {@code count} matching requests.
 *
 * @param method      HTTP method or {@code *}
 * @param pathPattern path glob or {@code *}
 * @param apiKey      only requests with this credential match; null matches any
 * @param kind        what the fault does
 * @param probability chance in (0, 1] per matching request, or null for a count rule
 * @param count       number of matching requests to hit, or null for a probability rule
 * @param status      status for {@code 5xx} and {@code applied-lost-5xx} (default 500)
 * @param millis      delay for {@code latency} (default 1000) and hold time for {@code timeout} (default 30000)
 */
public record FaultRule(String method, String pathPattern, String apiKey, FaultKind kind,
                        Double probability, Integer count, int status, long millis) {

    public FaultRule {
        method = method == null || method.isBlank() ? "*" : method.toUpperCase(Locale.ROOT);
        pathPattern = pathPattern == null || pathPattern.isBlank() ? "*" : pathPattern;
        if (kind == null) {
            throw new IllegalArgumentException("a fault rule needs a kind");
        }
        if ((probability == null) == (count == null)) {
            throw new IllegalArgumentException("a fault rule needs exactly one of probability and count");
        }
        if (probability != null && !(probability > 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1]");
        }
        if (count != null && count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP status");
        }
        if (millis < 0) {
            throw new IllegalArgumentException("millis must not be negative");
        }
    }

    /** A rule hitting the next {@code count} requests matching {@code route} ("METHOD /path/glob" or "*"). */
    public static FaultRule times(int count, String route, FaultKind kind) {
        String[] parts = splitRoute(route);
        return new FaultRule(parts[0], parts[1], null, kind, null, count, 500, defaultMillis(kind));
    }

    /** A rule hitting each request matching {@code route} with the given probability. */
    public static FaultRule withProbability(double probability, String route, FaultKind kind) {
        String[] parts = splitRoute(route);
        return new FaultRule(parts[0], parts[1], null, kind, probability, null, 500, defaultMillis(kind));
    }

    public FaultRule forApiKey(String key) {
        return new FaultRule(method, pathPattern, key, kind, probability, count, status, millis);
    }

    public FaultRule withStatus(int newStatus) {
        return new FaultRule(method, pathPattern, apiKey, kind, probability, count, newStatus, millis);
    }

    public FaultRule withMillis(long newMillis) {
        return new FaultRule(method, pathPattern, apiKey, kind, probability, count, status, newMillis);
    }

    /** The path glob as a regular expression. */
    public Pattern pathRegex() {
        StringBuilder regex = new StringBuilder();
        String[] parts = pathPattern.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString());
    }

    private static long defaultMillis(FaultKind kind) {
        return kind == FaultKind.TIMEOUT ? 30_000 : kind == FaultKind.LATENCY ? 1_000 : 0;
    }

    private static String[] splitRoute(String route) {
        String trimmed = route == null ? "*" : route.trim();
        int space = trimmed.indexOf(' ');
        if (space < 0) {
            return new String[] {"*", trimmed};
        }
        return new String[] {trimmed.substring(0, space), trimmed.substring(space + 1).trim()};
    }

    /** JSON form used in fault files and by the admin API. The API key is included: emulator keys are fake. */
    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("method", method).put("path", pathPattern).put("kind", kind.wireName());
        if (apiKey != null) {
            node.put("api_key", apiKey);
        }
        if (probability != null) {
            node.put("probability", probability);
        } else {
            node.put("count", count);
        }
        node.put("status", status).put("millis", millis);
        return node;
    }

    public static FaultRule fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a fault rule must be a JSON object");
        }
        FaultKind kind = FaultKind.fromWireName(node.path("kind").asText(""));
        Double probability = node.hasNonNull("probability") ? node.get("probability").asDouble() : null;
        Integer count = node.hasNonNull("count") ? Integer.valueOf(node.get("count").asInt()) : null;
        return new FaultRule(Json.text(node, "method"), Json.text(node, "path"), Json.text(node, "api_key"), kind,
                probability, count, node.path("status").asInt(500),
                node.hasNonNull("millis") ? node.get("millis").asLong() : defaultMillis(kind));
    }
}
