package dev.switchboard.emulator.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps "METHOD /path/:param" patterns to handlers. Matching is per segment; {@code :name} segments capture.
 *
 * @param <H> the handler type
 */
public final class Router<H> {
    private final List<Route<H>> routes = new ArrayList<>();

    public record Match<H>(H handler, Map<String, String> params) {
    }

    private record Route<H>(String method, String[] segments, H handler) {
    }

    public Router<H> add(String method, String pattern, H handler) {
        routes.add(new Route<>(method, split(pattern), handler));
        return this;
    }

    public Optional<Match<H>> match(String method, String path) {
        String[] segments = split(path);
        for (Route<H> route : routes) {
            if (!route.method().equals(method) || route.segments().length != segments.length) {
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            boolean matched = true;
            for (int i = 0; i < segments.length && matched; i++) {
                String expected = route.segments()[i];
                if (expected.startsWith(":")) {
                    params.put(expected.substring(1), segments[i]);
                } else {
                    matched = expected.equals(segments[i]);
                }
            }
            if (matched) {
                return Optional.of(new Match<>(route.handler(), params));
            }
        }
        return Optional.empty();
    }

    private static String[] split(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
    }
}
