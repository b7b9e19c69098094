package dev.switchboard.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 13 items 5 and 6: a state load is a function of the document, and loaded resources have the API's shape. */
class StateLoadShapeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private static String demoDocument() throws IOException {
        try (InputStream in = Emulator.class.getResourceAsStream("demo-state.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void loadingTheSameDocumentTwiceGivesTheSameState() throws IOException {
        String document = demoDocument();
        try (Emulator emulator = Emulator.builder().seed(5).clock(START).disableRateLimits().start()) {
            emulator.admin().loadState(document);
            JsonNode first = JSON.readTree(emulator.admin().dumpState());
            emulator.admin().advanceClock(Duration.ofMillis(1));
            emulator.admin().loadState(document);
            JsonNode second = JSON.readTree(emulator.admin().dumpState());
            emulator.admin().advanceClock(Duration.ofHours(3));
            emulator.admin().loadState(document);
            JsonNode third = JSON.readTree(emulator.admin().dumpState());

            assertThat(sipUris(first)).isNotEmpty().doesNotHaveDuplicates().allMatch(u -> u.startsWith("user--"));
            assertThat(sipUris(second)).isEqualTo(sipUris(first));
            assertThat(sipUris(third)).isEqualTo(sipUris(first));
            assertThat(configsWithoutDates(second)).isEqualTo(configsWithoutDates(first));
            assertThat(configsWithoutDates(third)).isEqualTo(configsWithoutDates(first));
        }
    }

    @Test
    void aLoadAfterReloadingADumpKeepsTheUris() throws IOException {
        try (Emulator emulator = Emulator.builder().seed(5).clock(START).disableRateLimits().demoState().start()) {
            String dump = emulator.admin().dumpState();
            emulator.admin().loadState(dump);
            emulator.admin().loadState(dump);
            assertThat(sipUris(JSON.readTree(emulator.admin().dumpState()))).isEqualTo(sipUris(JSON.readTree(dump)));
        }
    }

    @Test
    void loadedAndCreatedAddressesHaveOneShape() throws Exception {
        try (Emulator emulator = Emulator.builder().seed(5).clock(START).disableRateLimits().demoState().start()) {
            String base = "http://127.0.0.1:" + emulator.port() + "/api/relay/rest/addresses";
            String auth = "Basic " + java.util.Base64.getEncoder().encodeToString(
                    "demo-project:demo-token".getBytes(StandardCharsets.UTF_8));
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            JsonNode loaded = JSON.readTree(client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base))
                    .header("Authorization", auth).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body())
                    .path("data").path(0);
            String body = "{\"label\":\"Branch\",\"country\":\"US\",\"first_name\":\"Grace\",\"last_name\":\"Hopper\","
                    + "\"street_number\":\"1\",\"street_name\":\"Elm St\",\"city\":\"Boston\",\"state\":\"MA\","
                    + "\"postal_code\":\"02108\",\"emergency_enabled\":true}";
            java.net.http.HttpResponse<String> created = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);
            JsonNode fresh = JSON.readTree(created.body());

            assertThat(fieldNames(loaded)).isEqualTo(fieldNames(fresh)).contains("address_type", "address_number");
            assertThat(loaded.get("address_type").isNull()).isTrue();
            assertThat(loaded.get("address_number").isNull()).isTrue();
            assertThat(loaded.path("label").asText()).isEqualTo("Demo HQ");
            JsonNode dumped = JSON.readTree(emulator.admin().dumpState()).path("signalwire").path("projects").path(0)
                    .path("addresses").path(0);
            assertThat(dumped.has("address_type")).isTrue();
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Every modern config (id, type, config); {@code created_at} defaults to the clock, as documented. */
    private static List<JsonNode> configsWithoutDates(JsonNode state) {
        List<JsonNode> configs = new ArrayList<>();
        for (JsonNode domain : state.path("daily").path("domains")) {
            for (JsonNode config : domain.path("dialin_configs")) {
                configs.add(((com.fasterxml.jackson.databind.node.ObjectNode) config.deepCopy()).without("created_at"));
            }
        }
        return configs;
    }

    private static List<String> sipUris(JsonNode state) {
        List<String> uris = new ArrayList<>();
        for (JsonNode domain : state.path("daily").path("domains")) {
            for (JsonNode config : domain.path("dialin_configs")) {
                if (config.path("type").asText().equals("pinless_dialin")) {
                    uris.add(config.path("config").path("sip_uri").asText());
                }
            }
        }
        return uris;
    }
}
