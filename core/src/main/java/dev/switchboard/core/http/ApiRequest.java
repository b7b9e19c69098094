package dev.switchboard.core.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One provider call: method, path under the base URI, query parameters, optional JSON body, and whether
 * re-sending it is safe. GET, PUT and DELETE are idempotent by default; POST is not, unless marked with
 * {@link #asIdempotent()}. Secrets that travel in the body are listed with {@link #withBodySecrets} so
 * the HTTP layer masks them wherever they might be echoed. {@link #toString()} never shows the body.
 */
public record ApiRequest(String method, String path, Map<String, String> query, JsonNode body,
                         boolean idempotent, List<Secret> bodySecrets) {

    public ApiRequest {
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a request path starts with '/', was " + path);
        }
        if (path.contains("?")) {
            throw new IllegalArgumentException("pass query parameters with withQuery, not in the path");
        }
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        body = body == null ? null : body.deepCopy();
        bodySecrets = List.copyOf(bodySecrets);
    }

    public static ApiRequest get(String path) {
        return new ApiRequest("GET", path, Map.of(), null, true, List.of());
    }

    public static ApiRequest delete(String path) {
        return new ApiRequest("DELETE", path, Map.of(), null, true, List.of());
    }

    public static ApiRequest put(String path, JsonNode body) {
        return new ApiRequest("PUT", path, Map.of(), Objects.requireNonNull(body, "body"), true, List.of());
    }

    /** A POST, treated as non-idempotent: never re-sent after it may have been processed. */
    public static ApiRequest post(String path, JsonNode body) {
        return new ApiRequest("POST", path, Map.of(), Objects.requireNonNull(body, "body"), false, List.of());
    }

    /** This request with one more query parameter; a null value adds nothing. */
    public ApiRequest withQuery(String name, String value) {
        if (value == null) {
            return this;
        }
        Map<String, String> more = new LinkedHashMap<>(query);
        more.put(Objects.requireNonNull(name, "name"), value);
        return new ApiRequest(method, path, more, body, idempotent, bodySecrets);
    }

    /** Marks a request whose repetition has the same effect as one send (e.g. a wholesale replace). */
    public ApiRequest asIdempotent() {
        return new ApiRequest(method, path, query, body, true, bodySecrets);
    }

    /** Marks a request that must never be re-sent once it may have been processed. */
    public ApiRequest asNonIdempotent() {
        return new ApiRequest(method, path, query, body, false, bodySecrets);
    }

    public ApiRequest withBodySecrets(Secret... secrets) {
        List<Secret> all = new ArrayList<>(bodySecrets);
        all.addAll(List.of(secrets));
        return new ApiRequest(method, path, query, body, idempotent, all);
    }

    @Override
    public String toString() {
        return "ApiRequest[" + method + " " + path + (query.isEmpty() ? "" : " query=" + query.keySet())
                + (body == null ? "" : " with body") + (idempotent ? "" : ", non-idempotent") + "]";
    }
}
