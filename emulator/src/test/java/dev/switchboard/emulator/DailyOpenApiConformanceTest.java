package dev.switchboard.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.emulator.server.FaultKind;
import dev.switchboard.emulator.server.FaultRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drives every operation of Daily's OpenAPI spec that the emulator serves, over raw HTTP, and validates
 * each answer against the spec's response schema for its status (see {@link DailyOpenApiSpec} for
 * schema-less answers). The spec is read from {@code SWITCHBOARD_OPENAPI_SPEC} ({@code .ci/run} points it
 * at {@code ../shared/reference/daily-openapi.json}); without it the class is skipped. Places where the
 * spec contradicts its own examples are listed in {@link SpecDeviations}, each narrowly and with a reason.
 */
class DailyOpenApiConformanceTest extends DailyTestBase {
    static final String SPEC_ENV = "SWITCHBOARD_OPENAPI_SPEC";
    private static final String HMAC = "c2VjcmV0LWNvbmZvcm1hbmNl";

    private static DailyOpenApiSpec spec;

    private final Map<String, TreeSet<Integer>> exercised = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> tolerated = new ArrayList<>();

    /** Per test rather than per class, so each skipped test carries the reason in the report. */
    @BeforeEach
    void requireSpec() throws IOException {
        String location = System.getenv(SPEC_ENV);
        assumeTrue(location != null && !location.isBlank(), SPEC_ENV + " is not set, so the OpenAPI conformance test"
                + " is skipped; .ci/run sets it to ../shared/reference/daily-openapi.json when that file exists");
        Path file = Path.of(location);
        assumeTrue(Files.isRegularFile(file), SPEC_ENV + " names " + file + ", which does not exist; the OpenAPI"
                + " conformance test is skipped");
        if (spec == null || !spec.source().equals(file)) {
            spec = DailyOpenApiSpec.load(file);
        }
    }

    @Test
    void everyServedOperationAnswersAsTheSpecDescribes() throws IOException {
        domain();
        numbers();
        dialinConfigs();
        presence();
        webhooks();
        undocumentedErrorStatuses();

        tolerated.forEach(line -> System.out.println("known spec deviation: " + line));
        assertThat(problems).as("answers that do not fit Daily's OpenAPI spec").isEmpty();
        assertThat(exercised).as("every documented status of every served operation was driven")
                .isEqualTo(SpecDeviations.expectedCoverage(spec));
    }

    /**
     * The spec's own examples checked against its own schemas: these are the contradictions that
     * {@link SpecDeviations} (and the emulator's choices) rest on. A change in the spec shows up here.
     */
    @Test
    void theSpecsExamplesContradictItsSchemasExactlyWhereDocumented() {
        List<String> contradictions = new ArrayList<>();
        for (String operation : SpecDeviations.SERVED) {
            String[] parts = operation.split(" ", 2);
            for (int status : spec.documentedStatuses(parts[0], parts[1])) {
                JsonNode media = spec.response(parts[0], parts[1], status).orElseThrow()
                        .path("content").path("application/json");
                if (!media.has("schema")) {
                    continue;
                }
                spec.examples(media).forEach((name, example) -> spec.validator().validate(example, media.get("schema"))
                        .forEach(v -> contradictions.add(operation + " " + status + " example '" + name + "' " + v)));
            }
        }
        contradictions.forEach(line -> System.out.println("spec contradiction: " + line));
        assertThat(contradictions).containsExactlyInAnyOrderElementsOf(SpecDeviations.SPEC_SELF_CONTRADICTIONS);
    }

    private void domain() {
        String owned = emulator.admin().daily().addNumber("source", number(415, 1)).number();
        conforms("POST", "/", 200, http.post(SOURCE_KEY, "/", "{\"properties\": {\"lang\": \"fr\", \"pinless_dialin\": "
                + "[{\"phone_number\": \"" + owned + "\", \"room_creation_api\": \"https://example.com/h\", "
                + "\"hmac\": \"" + HMAC + "\"}], \"pin_dialin\": []}}"));
        conforms("GET", "/", 200, http.get(SOURCE_KEY, "/"));
        conforms("GET", "/", 400, http.get(null, "/"));
    }

    private void numbers() {
        emulator.admin().daily().addNumber("source", number(415, 2), START.minus(Duration.ofDays(30)));
        emulator.admin().daily().addVerifiedCallerId("source", "+12125550199", "HQ");
        conforms("GET", "/purchased-phone-numbers", 200, http.get(SOURCE_KEY, "/purchased-phone-numbers"));
        conforms("GET", "/purchased-phone-numbers", 200, http.get(SOURCE_KEY, "/purchased-phone-numbers?limit=1"));
        conforms("GET", "/purchased-phone-numbers", 400, http.get(SOURCE_KEY, "/purchased-phone-numbers?limit=x"));

        TestHttp.Response available = http.get(SOURCE_KEY, "/list-available-numbers?region=CA");
        conforms("GET", "/list-available-numbers", 200, available);
        conforms("GET", "/list-available-numbers", 400, http.get(SOURCE_KEY, "/list-available-numbers?city=Austin"));
        emulator.admin().addFault(FaultRule.times(1, "GET /v1/list-available-numbers", FaultKind.SERVER_ERROR));
        conforms("GET", "/list-available-numbers", 500, http.get(SOURCE_KEY, "/list-available-numbers"));

        String wanted = available.body().path("data").path(0).path("phoneNumber").asText();
        TestHttp.Response bought = http.post(SOURCE_KEY, "/buy-phone-number", "{\"number\": \"" + wanted + "\"}");
        conforms("POST", "/buy-phone-number", 200, bought);
        conforms("POST", "/buy-phone-number", 200, http.post(SOURCE_KEY, "/buy-phone-number", "{}"));
        conforms("POST", "/buy-phone-number", 400, http.post(SOURCE_KEY, "/buy-phone-number", "{\"areacode\": \"415\"}"));
        conforms("POST", "/buy-phone-number", 422, http.post(SOURCE_KEY, "/buy-phone-number",
                "{\"number\": \"" + wanted + "\"}"));

        String releasable = numberId(number(415, 2));
        conforms("DELETE", "/release-phone-number/{id}", 422,
                http.delete(SOURCE_KEY, "/release-phone-number/" + bought.text("id")));
        conforms("DELETE", "/release-phone-number/{id}", 400, http.delete(null, "/release-phone-number/" + releasable));
        conforms("DELETE", "/release-phone-number/{id}", 200, http.delete(SOURCE_KEY, "/release-phone-number/" + releasable));
    }

    private void dialinConfigs() {
        String pinless = emulator.admin().daily().addNumber("source", number(415, 3)).number();
        String pin = emulator.admin().daily().addNumber("source", number(415, 4)).number();
        String foreign = emulator.admin().daily().addNumber("target", number(617, 1)).number();
        String path = "/domain-dialin-config";
        String idPath = path + "/{id}";

        TestHttp.Response created = http.post(SOURCE_KEY, path, "{\"type\": \"pinless_dialin\", \"phone_number\": \""
                + pinless + "\", \"room_creation_api\": \"https://example.com/h\", \"name_prefix\": \"sales\", "
                + "\"hold_music_url\": \"https://example.com/m.mp3\", \"timeout_config\": {\"message\": \"busy\"}}");
        conforms("POST", path, 200, created);
        TestHttp.Response pinConfig = http.post(SOURCE_KEY, path, "{\"type\": \"pin_dialin\", \"phone_number\": \""
                + pin + "\", \"ivr_greeting\": {\"message\": \"enter your code\"}}");
        conforms("POST", path, 200, pinConfig);
        conforms("POST", path, 200, http.post(SOURCE_KEY, path, "{\"type\": \"pinless_dialin\", \"name_prefix\": "
                + "\"sip-only\", \"hmac\": \"" + HMAC + "\"}"));
        conforms("POST", path, 400, http.post(SOURCE_KEY, path, "{\"type\": \"pin_dialin\", \"phone_number\": \""
                + foreign + "\"}"));

        conforms("GET", path, 200, http.get(SOURCE_KEY, path));
        conforms("GET", path, 200, http.get(SOURCE_KEY, path + "?type=pin_dialin&limit=1"));
        conforms("GET", path, 400, http.get(SOURCE_KEY, path + "?starting_after=no-such-cursor"));

        String id = created.text("id");
        conforms("GET", idPath, 200, http.get(SOURCE_KEY, path + "/" + id));
        conforms("GET", idPath, 400, http.get(null, path + "/" + id));
        conforms("PUT", idPath, 200, http.put(SOURCE_KEY, path + "/" + id, "{\"name_prefix\": \"front-desk\"}"));
        conforms("PUT", idPath, 400, http.put(SOURCE_KEY, path + "/" + id, "{\"type\": \"pin_dialin\"}"));
        conforms("DELETE", idPath, 400, http.delete(null, path + "/" + pinConfig.text("id")));
        conforms("DELETE", idPath, 200, http.delete(SOURCE_KEY, path + "/" + pinConfig.text("id")));
    }

    private void presence() {
        emulator.admin().daily().addParticipant("source", "support-room", "Alice", "user-1");
        emulator.admin().daily().addParticipant("source", "support-room", null, null);
        emulator.admin().daily().addParticipant("source", "sales-room", "Bob", null);
        emulator.admin().advanceClock(Duration.ofSeconds(90));
        conforms("GET", "/presence", 200, http.get(SOURCE_KEY, "/presence"));
        conforms("GET", "/rooms/{room_name}/presence", 200, http.get(SOURCE_KEY, "/rooms/support-room/presence"));
        conforms("GET", "/rooms/{room_name}/presence", 200,
                http.get(SOURCE_KEY, "/rooms/support-room/presence?userName=Alice&limit=1"));
        conforms("GET", "/rooms/{room_name}/presence", 400, http.get(SOURCE_KEY, "/rooms/support-room/presence?limit=0"));
    }

    private void webhooks() throws IOException {
        try (WebhookSink sink = new WebhookSink()) {
            TestHttp.Response created = http.post(SOURCE_KEY, "/webhooks", "{\"url\": \"" + sink.url("/hook")
                    + "\", \"eventTypes\": [\"participant.joined\"]}");
            conforms("POST", "/webhooks", 200, created);
            conforms("POST", "/webhooks", 400, http.post(SOURCE_KEY, "/webhooks", "{\"eventTypes\": []}"));
            conforms("GET", "/webhooks", 200, http.get(SOURCE_KEY, "/webhooks"));
            conforms("GET", "/webhooks", 400, http.get(null, "/webhooks"));
            String id = "/webhooks/" + created.text("uuid");
            conforms("GET", "/webhooks/{id}", 200, http.get(SOURCE_KEY, id));
            conforms("GET", "/webhooks/{id}", 400, http.get(null, id));
            conforms("POST", "/webhooks/{id}", 200, http.post(SOURCE_KEY, id, "{\"retryType\": \"exponential\"}"));
            conforms("POST", "/webhooks/{id}", 400, http.post(SOURCE_KEY, id, "{\"retryType\": \"never\"}"));
            conforms("DELETE", "/webhooks/{id}", 400, http.delete(null, id));
            conforms("DELETE", "/webhooks/{id}", 200, http.delete(SOURCE_KEY, id));
        }
    }

    /** 401, 404 and 429 are documented for none of these operations; their bodies get the spec's error schema. */
    private void undocumentedErrorStatuses() {
        conforms("GET", "/", 401, http.get("no-such-key", "/"));
        conforms("GET", "/domain-dialin-config/{id}", 404, http.get(SOURCE_KEY, "/domain-dialin-config/missing"));
        emulator.admin().addFault(FaultRule.times(1, "GET /v1/presence", FaultKind.RATE_LIMIT));
        conforms("GET", "/presence", 429, http.get(SOURCE_KEY, "/presence"));
    }

    private String numberId(String number) {
        for (JsonNode item : http.get(SOURCE_KEY, "/purchased-phone-numbers?filter_number=" + number.substring(1))
                .body().path("data")) {
            if (number.equals(item.path("number").asText())) {
                return item.path("id").asText();
            }
        }
        throw new IllegalStateException(number + " is not owned by source");
    }

    private void conforms(String method, String path, int status, TestHttp.Response response) {
        String operation = method + " " + path;
        String label = operation + " -> " + response.status();
        if (response.status() != status) {
            problems.add(label + ": expected status " + status + ", body " + response.body());
            return;
        }
        Optional<JsonNode> documented = spec.response(method, path, status);
        JsonNode described = documented.orElseGet(spec::genericErrorResponse);
        if (documented.isPresent()) {
            exercised.computeIfAbsent(operation, k -> new TreeSet<>()).add(status);
        } else if (status < 400) {
            problems.add(label + ": the spec documents no such success status");
            return;
        }
        for (OpenApiSchemaValidator.Violation violation : spec.check(described, response.body())) {
            Optional<String> reason = SpecDeviations.explain(operation, response.body(), violation);
            if (reason.isPresent()) {
                tolerated.add(label + " " + violation + " [" + reason.get() + "]");
            } else {
                problems.add(label + " " + violation + " in " + response.body());
            }
        }
    }
}
