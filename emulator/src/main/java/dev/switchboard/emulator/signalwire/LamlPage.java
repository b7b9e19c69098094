package dev.switchboard.emulator.signalwire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.Json;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The compatibility (LaML) API's list envelope, shared by every LaML list: {@code Page} (0-based),
 * {@code PageSize} (1 to 1000, default 50), {@code PageToken} ({@code PA<sid>}, the page after that item,
 * required when {@code Page > 0}); the answer carries {@code uri}, {@code first_page_uri},
 * {@code next_page_uri} (null on the last page), {@code previous_page_uri}, {@code page},
 * {@code page_size}, {@code start}, {@code end} and the items under the list's own key. Page URIs are paths
 * from the space root that repeat the request's filters.
 */
final class LamlPage {
    private LamlPage() {
    }

    static <T> ObjectNode answer(SwCall call, List<T> matching, String field, Function<T, String> sidOf,
                                 Function<T, JsonNode> render) {
        int page = intParam(call, "Page", 0, Integer.MAX_VALUE);
        int size = call.query("PageSize") == null ? 50 : intParam(call, "PageSize", 1, 1000);
        String token = call.query("PageToken");
        if (page > 0 && token == null) {
            throw SwErrors.laml(400, "20001", "PageToken is required when Page is greater than 0");
        }
        int start = token == null ? 0 : indexAfter(matching, sidOf, token);
        List<T> slice = matching.subList(start, Math.min(matching.size(), start + size));
        String path = call.request().path();
        String filters = filterQuery(call);
        ObjectNode body = Json.object();
        body.put("uri", path + "?" + filters + "Page=" + page + "&PageSize=" + size
                + (token == null ? "" : "&PageToken=" + token));
        body.put("first_page_uri", path + "?" + filters + "Page=0&PageSize=" + size);
        boolean more = start + slice.size() < matching.size() && !slice.isEmpty();
        body.put("next_page_uri", more ? path + "?" + filters + "Page=" + (page + 1) + "&PageSize=" + size
                + "&PageToken=PA" + sidOf.apply(slice.get(slice.size() - 1)) : null);
        body.put("previous_page_uri", page > 0 ? path + "?" + filters + "Page=" + (page - 1) + "&PageSize=" + size : null);
        body.put("page", page).put("page_size", size).put("start", start).put("end", start + slice.size() - 1);
        ArrayNode items = body.putArray(field);
        slice.forEach(item -> items.add(render.apply(item)));
        return body;
    }

    static int intParam(SwCall call, String name, int min, int max) {
        String text = call.query(name);
        if (text == null) {
            return min;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw SwErrors.laml(400, "20001", name + " must be an integer from " + min + " to " + max);
    }

    private static <T> int indexAfter(List<T> items, Function<T, String> sidOf, String token) {
        if (token.startsWith("PA")) {
            String sid = token.substring(2);
            for (int i = 0; i < items.size(); i++) {
                if (sidOf.apply(items.get(i)).equals(sid)) {
                    return i + 1;
                }
            }
        }
        throw SwErrors.laml(400, "20001", "PageToken is invalid");
    }

    /** The filter parameters of the request, re-encoded, each followed by {@code &}. */
    private static String filterQuery(SwCall call) {
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String> parameter : call.request().query().entrySet()) {
            String name = parameter.getKey();
            if (!name.equals("Page") && !name.equals("PageSize") && !name.equals("PageToken")) {
                query.append(RelayPage.encode(name)).append('=').append(RelayPage.encode(parameter.getValue())).append('&');
            }
        }
        return query.toString();
    }
}
