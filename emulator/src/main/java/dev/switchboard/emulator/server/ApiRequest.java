package dev.switchboard.emulator.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP request as a provider sees it: the decoded path, the decoded
 * query (first value per name), headers (lower-cased names, first value) and the raw body.
 */
public record ApiRequest(String method, String path, String rawQuery,
                         Map<String, String> query, Map<String, String> headers, byte[] body) {

    public ApiRequest {
        query = Collections.unmodifiableMap(query);
        headers = Collections.unmodifiableMap(headers);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public boolean hasBody() {
        return body.length > 0 && !new String(body, StandardCharsets.UTF_8).isBlank();
    }

    /** Decodes {@code a=1&b=x%20y} keeping the first value of each name. */
    public static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> result = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return result;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            result.putIfAbsent(name, value);
        }
        return result;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
