package dev.switchboard.emulator.signalwire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.Json;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Relay REST paging: {@code page_size} (1 to 1000, default 50), 0-based {@code page_number}, and a
 * {@code page_token} required whenever {@code page_number > 0}: {@code PA<id>} is the page after item
 * {@code id}, {@code PB<id>} the page before it. The answer is {@code {"links": {self, first, next?, prev?},
 * "data": [...]}} with absolute links that carry the request's filters; {@code next} only when more items
 * follow, {@code prev} only after the first page.
 */
final class RelayPage {
    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 1000;
    private static final Pattern TOKEN = Pattern.compile("P([AB])([0-9a-fA-F-]{8,64})");

    private RelayPage() {
    }

    /**
     * @param items   the filtered items, newest first
     * @param filters the filter parameters of the request, carried into every link
     */
    static <T extends Paged> ObjectNode answer(SwCall call, List<T> items, Map<String, String> filters,
                                               Function<T, JsonNode> render) {
        int size = intParam(call, "page_size", DEFAULT_SIZE, 1, MAX_SIZE);
        int number = intParam(call, "page_number", 0, 0, Integer.MAX_VALUE);
        String token = call.query("page_token");
        if (number > 0 && token == null) {
            throw SwErrors.invalid("page_token is required when page_number is greater than 0", "page_token_required");
        }
        int from = 0;
        int to = Math.min(items.size(), size);
        if (token != null) {
            Matcher matcher = TOKEN.matcher(token);
            long seq = matcher.matches() ? call.project().seqOf(matcher.group(2)).orElse(-1L) : -1L;
            if (seq < 0) {
                throw SwErrors.invalid("page_token is invalid", "page_token_is_invalid");
            }
            if (matcher.group(1).equals("A")) {
                from = firstOlderThan(items, seq);
                to = Math.min(items.size(), from + size);
            } else {
                to = firstOlderThan(items, seq + 1);
                while (to > 0 && items.get(to - 1).seq() == seq) {
                    to--;
                }
                from = Math.max(0, to - size);
            }
        }
        List<T> page = items.subList(from, to);
        ObjectNode body = Json.object();
        ObjectNode links = body.putObject("links");
        String base = call.origin() + call.request().path() + "?" + query(filters);
        links.put("self", base + "page_number=" + number + "&page_size=" + size + (token == null ? "" : "&page_token=" + token));
        links.put("first", base + "page_number=0&page_size=" + size);
        if (to < items.size() && !page.isEmpty()) {
            links.put("next", base + "page_number=" + (number + 1) + "&page_size=" + size + "&page_token=PA"
                    + page.get(page.size() - 1).id());
        }
        if (number > 0) {
            String prevToken = number - 1 == 0 || page.isEmpty() ? "" : "&page_token=PB" + page.get(0).id();
            links.put("prev", base + "page_number=" + (number - 1) + "&page_size=" + size + prevToken);
        }
        ArrayNode data = body.putArray("data");
        page.forEach(item -> data.add(render.apply(item)));
        return body;
    }

    /** The index of the first item (newest first) whose sequence is below {@code seq}. */
    private static int firstOlderThan(List<? extends Paged> items, long seq) {
        int index = 0;
        while (index < items.size() && items.get(index).seq() >= seq) {
            index++;
        }
        return index;
    }

    private static int intParam(SwCall call, String name, int fallback, int min, int max) {
        String text = call.query(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw SwErrors.invalid(name + " must be an integer from " + min + (max == Integer.MAX_VALUE ? " up" : " to " + max));
    }

    private static String query(Map<String, String> filters) {
        StringBuilder query = new StringBuilder();
        filters.forEach((name, value) -> {
            if (value != null) {
                query.append(encode(name)).append('=').append(encode(value)).append('&');
            }
        });
        return query.toString();
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
