package dev.switchboard.cli.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.cli.CliRun;
import dev.switchboard.emulator.Emulator;
import dev.switchboard.emulator.EmulatorBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The "real" accounts of the rehearsal tests: an emulator with the demo state (Daily domains {@code source} and
 * {@code target}, SignalWire project {@code demo-project}) plus a webhook, a room, a number group with a member,
 * and Daily's rate limits on. Also raw HTTP reads, independent of the typed clients, to compare two emulators.
 */
final class RealAccounts {
    static final long SEED = 141414L;
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SOURCE_KEY = "source-key";
    static final String TARGET_KEY = "target-key";
    static final String PROJECT = "demo-project";
    static final String TOKEN = "demo-token";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RealAccounts() {
    }

    /** The demo state with the additions, on a clock that follows real time from {@code now}. */
    static Emulator start(Instant now) throws IOException {
        System.out.println("real-account emulator seed " + SEED);
        ObjectNode state = demoState();
        ObjectNode source = (ObjectNode) state.path("daily").path("domains").get(0);
        source.putArray("webhooks").addObject().put("url", "https://example.com/hooks/daily")
                .put("hmac", "d2ViaG9vay1obWFjLXNlY3JldA==").putArray("eventTypes").add("dialin.connected");
        source.putArray("rooms").addObject().put("name", "support-room").put("privacy", "private")
                .putObject("properties").put("enable_dialout", true);
        ObjectNode project = (ObjectNode) state.path("signalwire").path("projects").get(0);
        String groupId = "0b0b0b0b-0000-4000-8000-000000000001";
        String numberId = "0c0c0c0c-0000-4000-8000-000000000001";
        ((ObjectNode) project.path("phone_numbers").get(1)).put("id", numberId);
        ((ObjectNode) project.path("phone_numbers").get(0)).put("e911_status", "active")
                .put("e911_address_id", project.path("addresses").get(0).path("id").asText());
        project.putArray("number_groups").addObject().put("id", groupId).put("name", "sales").put("sticky_sender", true);
        project.putArray("number_group_memberships").addObject().put("number_group_id", groupId)
                .put("phone_number_id", numberId);
        return builder().tickingClock(now).stateJson(state.toString()).start();
    }

    static EmulatorBuilder builder() {
        return Emulator.builder().seed(SEED);
    }

    static ObjectNode demoState() {
        try (InputStream in = EmulatorBuilder.class.getResourceAsStream("demo-state.json")) {
            return (ObjectNode) JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A command line with the real accounts' credentials, as a user has them configured. */
    static CliRun cli(Path dir, Emulator real) {
        return new CliRun(dir).env("DAILY_API_URL", real.dailyBaseUri().toString())
                .env("DAILY_SOURCE_API_KEY", SOURCE_KEY).env("DAILY_TARGET_API_KEY", TARGET_KEY)
                .env("DAILY_API_KEY", SOURCE_KEY)
                .env("SIGNALWIRE_SPACE_URL", real.signalwireSpaceUri().toString())
                .env("SIGNALWIRE_PROJECT_ID", PROJECT).env("SIGNALWIRE_API_TOKEN", TOKEN);
    }

    /** GET {@code path} on Daily with {@code key}: status and body, the emulator's address replaced by {@code BASE}. */
    static JsonNode dailyGet(Emulator emulator, String key, String path) {
        return get(emulator, emulator.dailyBaseUri() + path, "Bearer " + key);
    }

    static JsonNode signalwireGet(Emulator emulator, String project, String token, String path) {
        String basic = Base64.getEncoder().encodeToString((project + ":" + token).getBytes(StandardCharsets.UTF_8));
        return get(emulator, emulator.signalwireSpaceUri() + path, "Basic " + basic);
    }

    private static JsonNode get(Emulator emulator, String url, String authorization) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
            String base = emulator.baseUri().toString().replaceAll("/$", "");
            String body = response.body().replace(base, "BASE").replace(base.replace("127.0.0.1", "localhost"), "BASE");
            ObjectNode answer = JSON.createObjectNode().put("status", response.statusCode());
            answer.set("body", body.isBlank() ? null : JSON.readTree(body));
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Removes presence durations (they count seconds of real time between two reads). */
    static JsonNode withoutDurations(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(List.of("duration", "uptime_seconds"));
            object.forEach(RealAccounts::strip);
        } else if (node instanceof ArrayNode array) {
            array.forEach(RealAccounts::strip);
        }
    }
}
