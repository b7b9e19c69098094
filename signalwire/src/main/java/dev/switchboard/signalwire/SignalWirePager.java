package dev.switchboard.signalwire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.http.ApiRequest;
import dev.switchboard.core.http.HttpApi;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * SignalWire's paging: the first request is built by the client, every later one by following the link
 * the previous page gives ({@code links.next} in Relay REST, an absolute URL; {@code next_page_uri} in
 * LaML, a path from the space root), never by building page URLs. Paging stops only when no next link
 * is given: an empty page that still links onwards is not the end. A link to another host is refused
 * (the credentials would go with it), and a link seen twice stops paging with an error.
 */
final class SignalWirePager {
    private SignalWirePager() {
    }

    /** Relay REST listings: items in {@code data}, next page at {@code links.next}. */
    static List<JsonNode> relay(HttpApi api, ApiRequest first) {
        return fetchAll(api, first, "data", body -> body.path("links").path("next"));
    }

    /** LaML listings: items in {@code itemsField} ({@code calls}, {@code messages}), next at {@code next_page_uri}. */
    static List<JsonNode> laml(HttpApi api, ApiRequest first, String itemsField) {
        return fetchAll(api, first, itemsField, body -> body.path("next_page_uri"));
    }

    private static List<JsonNode> fetchAll(HttpApi api, ApiRequest first, String itemsField,
                                           Function<JsonNode, JsonNode> nextOf) {
        List<JsonNode> items = new ArrayList<>();
        Set<String> linksSeen = new HashSet<>();
        ApiRequest page = first;
        while (true) {
            JsonNode body = api.send(page).body();
            JsonNode data = body.path(itemsField);
            if (!data.isArray()) {
                throw new IllegalStateException("GET " + first.path() + " answered without a " + itemsField + " array");
            }
            data.forEach(items::add);
            JsonNode next = nextOf.apply(body);
            if (next == null || !next.isTextual() || next.asText().isBlank()) {
                return items;
            }
            String link = next.asText();
            if (!linksSeen.add(link)) {
                throw new IllegalStateException("GET " + first.path() + " linked to the same next page twice;"
                        + " paging would not end");
            }
            page = follow(api.baseUri(), link);
        }
    }

    /** The GET request a next link stands for, under {@code base}: its path and its query, as given. */
    static ApiRequest follow(URI base, String link) {
        URI target = base.resolve(URI.create(link));
        if (!sameOrigin(base, target)) {
            throw new IllegalStateException("refusing to follow a next link to " + target.getScheme() + "://"
                    + target.getAuthority() + ": it is not the space " + base.getScheme() + "://" + base.getAuthority());
        }
        String basePath = trimSlash(base.getRawPath());
        String path = target.getRawPath();
        if (!path.startsWith(basePath + "/")) {
            throw new IllegalStateException("a next link points outside the space URL: " + path);
        }
        ApiRequest request = ApiRequest.get(path.substring(basePath.length()));
        String query = target.getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                request = request.withQuery(name, value);
            }
        }
        return request;
    }

    private static boolean sameOrigin(URI base, URI target) {
        return target.getScheme() != null && target.getHost() != null
                && base.getScheme().equalsIgnoreCase(target.getScheme())
                && base.getHost().toLowerCase(Locale.ROOT).equals(target.getHost().toLowerCase(Locale.ROOT))
                && Objects.equals(port(base), port(target));
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String trimSlash(String path) {
        if (path == null) {
            return "";
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
