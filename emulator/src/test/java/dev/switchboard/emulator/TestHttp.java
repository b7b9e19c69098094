package dev.switchboard.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON-over-HTTP client for the tests: real requests, Jackson trees back. */
final class TestHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    record Response(int status, JsonNode body, HttpHeaders headers) {
        JsonNode get(String field) {
            return body.get(field);
        }

        String text(String field) {
            return body.path(field).asText(null);
        }
    }

    TestHttp(URI base) {
        this.base = base;
    }

    Response get(String key, String path) {
        return send("GET", key, path, null);
    }

    Response post(String key, String path, String json) {
        return send("POST", key, path, json);
    }

    Response put(String key, String path, String json) {
        return send("PUT", key, path, json);
    }

    Response delete(String key, String path) {
        return send("DELETE", key, path, null);
    }

    Response send(String method, String key, String path, String json) {
        try {
            return sendOrThrow(method, key, path, json, Duration.ofSeconds(10));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends and lets transport failures (reset, timeout) surface as IOException. */
    Response sendOrThrow(String method, String key, String path, String json, Duration timeout) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), body, response.headers());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
