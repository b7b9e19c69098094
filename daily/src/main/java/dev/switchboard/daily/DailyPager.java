package dev.switchboard.daily;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.http.ApiRequest;
import dev.switchboard.core.http.HttpApi;
import dev.switchboard.core.http.IncompleteListException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Daily's cursor paging: ask for {@code limit} items {@code starting_after} the previous page's last
 * cursor until a page comes back empty, then check the count against the first page's
 * {@code total_count}. Once the items read reach that {@code total_count} the list is complete and the
 * empty page that would confirm it is not asked for: its answer is already known.
 */
final class DailyPager {
    private DailyPager() {
    }

    /**
     * @param cursorOf the cursor an item offers for the next page, or null when it has none (the last
     *                 item with a cursor on the page is used)
     */
    static List<JsonNode> fetchAll(HttpApi api, ApiRequest first, int limit, Function<JsonNode, String> cursorOf) {
        return fetchAll(api, first, limit, cursorOf, PageListener.NONE);
    }

    static List<JsonNode> fetchAll(HttpApi api, ApiRequest first, int limit, Function<JsonNode, String> cursorOf,
                                   PageListener listener) {
        List<JsonNode> items = new ArrayList<>();
        Set<String> cursorsSeen = new HashSet<>();
        Long expected = null;
        String cursor = null;
        while (true) {
            ApiRequest page = first.withQuery("limit", String.valueOf(limit)).withQuery("starting_after", cursor);
            JsonNode body = api.send(page).body();
            if (body.isArray()) {
                // An unpaged bare array (seen on undocumented endpoints): it is the whole list.
                body.forEach(items::add);
                return items;
            }
            JsonNode data = body.path("data");
            if (!data.isArray()) {
                throw new IllegalStateException("GET " + first.path() + " answered without a data array");
            }
            if (expected == null && body.path("total_count").canConvertToLong()) {
                expected = body.path("total_count").asLong();
            }
            if (data.isEmpty()) {
                break;
            }
            data.forEach(items::add);
            listener.page(first.path(), items.size(), expected == null ? -1 : expected);
            if (expected != null && items.size() == expected) {
                break;
            }
            cursor = lastCursor(data, cursorOf, first.path());
            if (!cursorsSeen.add(cursor)) {
                throw new IllegalStateException("GET " + first.path() + " returned the cursor " + cursor
                        + " twice; paging would not end");
            }
        }
        if (expected != null && expected != items.size()) {
            throw new IncompleteListException(first.path(), expected, items.size());
        }
        return items;
    }

    private static String lastCursor(JsonNode data, Function<JsonNode, String> cursorOf, String path) {
        for (int i = data.size() - 1; i >= 0; i--) {
            String cursor = cursorOf.apply(data.get(i));
            if (cursor != null && !cursor.isBlank()) {
                return cursor;
            }
        }
        throw new IllegalStateException("GET " + path + " returned a page where no item has a cursor (id)");
    }
}
