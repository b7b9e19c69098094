package dev.switchboard.emulator.daily;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.Json;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Daily's cursor pagination over a newest-first list ordered by a numeric key (higher = newer).
 * {@code starting_after=c}: the next {@code limit} items older than c. {@code ending_before=c}: the {@code limit}
 * items just newer than c. {@code ending_before=OLDEST}: the oldest page. The body is
 * {@code {"total_count": <all matching>, "data": [...]}}.
 */
final class Paging {
    private Paging() {
    }

    /**
     * @param newestFirst     all items matching the filters, highest key first
     * @param key             the order key of an item
     * @param cursorKey       turns a cursor string into an order key; throws an API error for an unknown cursor
     * @param maxLimit        the page size cap (and default)
     */
    static <T> ObjectNode page(List<T> newestFirst, ToLongFunction<T> key, Function<String, Long> cursorKey,
                               Map<String, String> query, int maxLimit, Function<T, ObjectNode> render) {
        int limit = limit(query.get("limit"), maxLimit);
        String after = blankToNull(query.get("starting_after"));
        String before = blankToNull(query.get("ending_before"));
        if (after != null && before != null) {
            throw DailyErrors.invalid("starting_after and ending_before cannot be used together");
        }
        List<T> page;
        if (after != null) {
            long bound = cursorKey.apply(after);
            page = newestFirst.stream().filter(t -> key.applyAsLong(t) < bound).limit(limit).toList();
        } else if ("OLDEST".equals(before)) {
            page = newestFirst.subList(Math.max(0, newestFirst.size() - limit), newestFirst.size());
        } else if (before != null) {
            long bound = cursorKey.apply(before);
            List<T> newer = newestFirst.stream().filter(t -> key.applyAsLong(t) > bound).toList();
            page = newer.subList(Math.max(0, newer.size() - limit), newer.size());
        } else {
            page = newestFirst.subList(0, Math.min(limit, newestFirst.size()));
        }
        ObjectNode body = Json.object();
        body.put("total_count", newestFirst.size());
        ArrayNode data = body.putArray("data");
        page.forEach(item -> data.add(render.apply(item)));
        return body;
    }

    static int limit(String raw, int maxLimit) {
        if (raw == null || raw.isBlank()) {
            return maxLimit;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < 1) {
                throw DailyErrors.invalid("limit must be a positive integer");
            }
            return Math.min(value, maxLimit);
        } catch (NumberFormatException e) {
            throw DailyErrors.invalid("limit must be a positive integer");
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
