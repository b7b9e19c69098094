package dev.switchboard.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/** Starts a fresh emulator per test with two SignalWire projects, a frozen clock and no rate limits. */
abstract class SignalWireTestBase {
    static final long SEED = 20260106L;
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final String PROJECT = "5a1d3c52-0d4e-4c6b-9a55-2b7d2a1e0001";
    static final String TOKEN = "PT-emulated-token-one";
    static final String OTHER_PROJECT = "5a1d3c52-0d4e-4c6b-9a55-2b7d2a1e0002";
    static final String OTHER_TOKEN = "PT-emulated-token-two";
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Emulator emulator;

    record Response(int status, JsonNode body, String contentType) {
    }

    @BeforeEach
    void startEmulator() throws IOException {
        System.out.println("emulator seed " + SEED);
        emulator = configure(Emulator.builder().seed(SEED).clock(START).disableRateLimits()).start();
        emulator.admin().signalwire().createProject(PROJECT, TOKEN);
        emulator.admin().signalwire().createProject(OTHER_PROJECT, OTHER_TOKEN);
    }

    EmulatorBuilder configure(EmulatorBuilder builder) {
        return builder;
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    Response get(String path) {
        return send("GET", PROJECT, TOKEN, path, null);
    }

    Response post(String path, String json) {
        return send("POST", PROJECT, TOKEN, path, json);
    }

    Response put(String path, String json) {
        return send("PUT", PROJECT, TOKEN, path, json);
    }

    Response delete(String path) {
        return send("DELETE", PROJECT, TOKEN, path, null);
    }

    /** A form-encoded POST, as the compatibility (LaML) API takes it. */
    Response postForm(String path, String form) {
        return send("POST", PROJECT, TOKEN, path, form, "application/x-www-form-urlencoded");
    }

    /** {@code path} is relative to the space, or an absolute URL (a followed link). */
    Response send(String method, String project, String token, String path, String json) {
        return send(method, project, token, path, json, "application/json");
    }

    private Response send(String method, String project, String token, String path, String json, String type) {
        URI target = path.startsWith("http") ? URI.create(path) : URI.create(emulator.signalwireSpaceUri() + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (project != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((project + ":" + token).getBytes(StandardCharsets.UTF_8)));
        }
        if (json != null) {
            request.header("Content-Type", type);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
            return new Response(response.statusCode(), body, response.headers().firstValue("Content-Type").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String q(String text) {
        return text.replace('\'', '"');
    }

    /** Buys the first local number the search offers in the area code; returns the resource. */
    JsonNode buyOne(String areacode) {
        String number = get("/api/relay/rest/phone_numbers/search?areacode=" + areacode + "&max_results=1")
                .body().path("data").get(0).path("e164").asText();
        Response bought = post("/api/relay/rest/phone_numbers", q("{'number':'" + number + "'}"));
        if (bought.status() != 200) {
            throw new IllegalStateException("purchase failed: " + bought);
        }
        return bought.body();
    }
}
