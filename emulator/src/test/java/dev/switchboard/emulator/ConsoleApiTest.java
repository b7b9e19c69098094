package dev.switchboard.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.emulator.server.RequestLog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's routes over real HTTP: health, landing page, static files, the masked JSON views. */
class ConsoleApiTest {
    private static final String DAILY_KEY = "daily-secret-key-1";
    private static final String OTHER_KEY = "daily-secret-key-2";
    private static final String HMAC = "Y29uZmlnLWhtYWMtc2VjcmV0";
    private static final String LEGACY_HMAC = "bGVnYWN5LWhtYWMtc2VjcmV0";
    private static final String HOOK_HMAC = "d2ViaG9vay1obWFjLXNlY3JldA==";
    private static final String BASIC_AUTH = "dXNlcjpwYXNzd29yZC1zZWNyZXQ=";
    private static final String SW_TOKEN = "sw-secret-token";
    private static final String CODE = "918273";
    private static final List<String> SECRETS = List.of(DAILY_KEY, OTHER_KEY, HMAC, LEGACY_HMAC, HOOK_HMAC, BASIC_AUTH,
            SW_TOKEN, CODE);
    static final String STATE = """
            {"clock": "2026-01-01T00:00:00Z",
             "daily": {"domains": [
               {"domain_name": "alpha", "api_keys": ["%s"],
                "config": {"pinless_dialin": [{"phone_number": "+14155550102", "room_creation_api": "https://example.com/l",
                                               "hmac": "%s"}]},
                "phone_numbers": [{"number": "+14155550101", "name": "Sales"}, {"number": "+14155550102"}],
                "dialin_configs": [{"type": "pinless_dialin", "config": {"phone_number": "+14155550101",
                                    "room_creation_api": "https://example.com/r", "hmac": "%s"}}],
                "webhooks": [{"url": "https://example.com/hook", "hmac": "%s", "basicAuth": "%s"}]},
               {"domain_name": "beta", "api_keys": ["%s"], "phone_numbers": [{"number": "+16175550201"}]}]},
             "signalwire": {"projects": [
               {"project_id": "proj-1", "api_tokens": ["%s"], "phone_numbers": [{"number": "+15035550101", "name": "Main"}],
                "verified_caller_ids": [{"number": "+12125550199", "verified": false,
                                         "verification": {"code": "%s", "failed_attempts": 0, "calls": []}}]}]}}
            """.formatted(DAILY_KEY, LEGACY_HMAC, HMAC, HOOK_HMAC, BASIC_AUTH, OTHER_KEY, SW_TOKEN, CODE);

    private Emulator emulator;
    private TestHttp admin;
    private TestHttp daily;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() throws IOException {
        emulator = Emulator.builder().seed(11).clock(Instant.parse("2026-01-01T00:00:00Z")).stateJson(STATE).start();
        admin = new TestHttp(emulator.baseUri());
        daily = new TestHttp(emulator.dailyBaseUri());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void healthAnswersStatusVersionAndUptime() {
        TestHttp.Response health = admin.get(null, "/__admin/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(health.text("status")).isEqualTo("ok");
        assertThat(health.text("version")).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(health.get("uptime_seconds").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(health.text("emulated_clock")).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(Instant.parse(health.text("started_at"))).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void landingPageLinksTheConsoleHealthAndTheAdminApiReference() throws Exception {
        for (String path : List.of("/__admin", "/__admin/")) {
            HttpResponse<String> page = get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            assertThat(page.body()).contains("href=\"/__admin/ui/\"", "href=\"/__admin/health\"", "id=\"admin-api\"",
                    "GET /__admin/console/state", "docs/emulator.md");
        }
    }

    @Test
    void consoleFilesComeFromTheJarAndNothingElseIsServedUnderUi() throws Exception {
        HttpResponse<String> bare = get("/__admin/ui");
        assertThat(bare.statusCode()).isEqualTo(302);
        assertThat(bare.headers().firstValue("Location")).hasValue("/__admin/ui/");

        HttpResponse<String> index = get("/__admin/ui/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("<script src=\"console.js\"></script>", "id=\"request-rows\"");
        HttpResponse<String> script = get("/__admin/ui/console.js");
        assertThat(script.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(script.body()).contains("new EventSource('/__admin/console/events')");
        assertThat(get("/__admin/ui/console.css").headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");

        assertThat(get("/__admin/ui/missing.js").statusCode()).isEqualTo(404);
        assertThat(get("/__admin/ui/..%2Fstate").statusCode()).isEqualTo(404);
        assertThat(get("/__admin/ui/version.properties").statusCode()).isEqualTo(404);
    }

    @Test
    void noConsoleViewHoldsAKeyAnHmacOrAVerificationCode() throws Exception {
        admin.post(null, "/__admin/faults", "{\"path\": \"/v1/nothing\", \"kind\": \"5xx\", \"count\": 1, \"api_key\": \""
                + DAILY_KEY + "\"}");
        assertThat(daily.get(DAILY_KEY, "/").status()).isEqualTo(200);
        assertThat(daily.get(OTHER_KEY, "/").status()).isEqualTo(200);

        JsonNode state = admin.get(null, "/__admin/console/state").body();
        StringBuilder everything = new StringBuilder(state.toString());
        for (String path : List.of("/__admin/console/faults", "/__admin/console/rate-limits", "/__admin/health",
                "/__admin/", "/__admin/requests", "/__admin/clock")) {
            everything.append(get(path).body());
        }
        for (String secret : SECRETS) {
            assertThat(everything.toString()).as("a console view leaks " + secret).doesNotContain(secret);
        }

        JsonNode alpha = state.path("daily").path("domains").get(0);
        assertThat(alpha.has("api_keys")).isFalse();
        assertThat(alpha.path("key_fingerprints").get(0).asText()).isEqualTo(RequestLog.fingerprint(DAILY_KEY));
        assertThat(alpha.path("dialin_configs").get(0).path("config").path("hmac").asText()).isEqualTo("••••••");
        assertThat(alpha.path("config").path("pinless_dialin").get(0).path("hmac").asText()).isEqualTo("••••••");
        assertThat(alpha.path("webhooks").get(0).path("basicAuth").asText()).isEqualTo("••••••");
        assertThat(alpha.path("phone_numbers")).extracting(n -> n.path("number").asText())
                .containsExactly("+14155550101", "+14155550102");
        JsonNode project = state.path("signalwire").path("projects").get(0);
        assertThat(project.path("key_fingerprints").get(0).asText()).isEqualTo(RequestLog.fingerprint("proj-1:" + SW_TOKEN));
        assertThat(state.path("keys")).extracting(k -> k.path("owner").asText())
                .containsExactly("Daily alpha", "Daily beta", "SignalWire proj-1");
        assertThat(state.path("clock").path("now").asText()).isEqualTo("2026-01-01T00:00:00Z");
        // the raw admin API keeps its round-trippable documents
        assertThat(admin.get(null, "/__admin/state").body().toString()).contains(DAILY_KEY, HMAC);
    }

    @Test
    void faultRulesAreAddedByKeyFingerprintAndRemovedById() {
        String fingerprint = RequestLog.fingerprint(DAILY_KEY);
        TestHttp.Response added = admin.post(null, "/__admin/console/faults",
                "{\"method\": \"GET\", \"path\": \"/v1/\", \"kind\": \"5xx\", \"status\": 503, \"count\": 5,"
                        + " \"key_fingerprint\": \"" + fingerprint + "\"}");
        assertThat(added.status()).isEqualTo(200);
        JsonNode rule = added.get("rules").get(0);
        assertThat(rule.path("key_fingerprint").asText()).isEqualTo(fingerprint);
        assertThat(rule.path("owner").asText()).isEqualTo("Daily alpha");
        assertThat(rule.has("api_key")).isFalse();

        assertThat(daily.get(DAILY_KEY, "/").status()).isEqualTo(503);
        assertThat(daily.get(OTHER_KEY, "/").status()).isEqualTo(200);
        assertThat(admin.get(null, "/__admin/console/faults").get("rules").get(0).path("count").asInt()).isEqualTo(4);

        long id = rule.path("id").asLong();
        assertThat(admin.delete(null, "/__admin/console/faults/" + id).get("rules")).isEmpty();
        assertThat(daily.get(DAILY_KEY, "/").status()).isEqualTo(200);
        assertThat(admin.delete(null, "/__admin/console/faults/" + id).status()).isEqualTo(404);
        assertThat(admin.delete(null, "/__admin/console/faults/x").status()).isEqualTo(400);
        assertThat(admin.post(null, "/__admin/console/faults", "{\"kind\": \"5xx\", \"count\": 1, \"api_key\": \"k\"}")
                .text("info")).contains("key_fingerprint");
        assertThat(admin.post(null, "/__admin/console/faults",
                "{\"kind\": \"5xx\", \"count\": 1, \"key_fingerprint\": \"sha256:000000000000\"}").status()).isEqualTo(400);
        assertThat(admin.post(null, "/__admin/console/faults", "{\"kind\": \"boom\", \"count\": 1}").status()).isEqualTo(400);
        assertThat(admin.get(null, "/__admin/console/faults").get("rules")).isEmpty();
    }

    @Test
    void rateLimitUseIsShownPerKeyAndClass() {
        for (int i = 0; i < 3; i++) {
            assertThat(daily.get(DAILY_KEY, "/").status()).isEqualTo(200);
        }
        daily.get(OTHER_KEY, "/");

        JsonNode limits = admin.get(null, "/__admin/console/rate-limits").body();

        assertThat(limits.path("enabled").asBoolean()).isTrue();
        JsonNode alpha = find(limits.path("usage"), RequestLog.fingerprint(DAILY_KEY));
        assertThat(alpha.path("owner").asText()).isEqualTo("Daily alpha");
        assertThat(alpha.path("class").asText()).isEqualTo("default");
        assertThat(alpha.path("windows")).extracting(w -> w.path("used").asInt() + "/" + w.path("limit").asInt()
                + "/" + w.path("window_ms").asLong()).containsExactly("3/20/1000", "3/100/5000");
        assertThat(find(limits.path("usage"), RequestLog.fingerprint(OTHER_KEY)).path("windows").get(1).path("used")
                .asInt()).isEqualTo(1);
    }

    @Test
    void liveCallsAndWebhookDeliveriesAreInTheConsoleState() throws Exception {
        JsonNode live;
        String session;
        String hook;
        try (WebhookSink sink = new WebhookSink()) {
            hook = daily.post(OTHER_KEY, "/webhooks", TestHttp.json(java.util.Map.of("url", sink.url("/hook")))).text("uuid");
            assertThat(daily.post(OTHER_KEY, "/rooms", "{\"name\": \"lobby\"}").status()).isEqualTo(200);
            session = emulator.admin().daily().dialIn("beta", "+12125550100", "lobby", "+16175550201");
            assertThat(emulator.admin().daily().awaitWebhookDeliveries(Duration.ofSeconds(10))).isTrue();
            live = admin.get(null, "/__admin/console/state").body().path("live").path("daily");
        }

        JsonNode call = live.path("domains").path("beta").path("calls").get(0);
        assertThat(call.path("session_id").asText()).isEqualTo(session);
        assertThat(call.path("remote").asText()).isEqualTo("+12125550100");
        assertThat(call.path("daily_number").asText()).isEqualTo("+16175550201");
        assertThat(call.path("direction").asText()).isEqualTo("dialin");
        assertThat(live.path("domains").path("alpha").path("calls")).isEmpty();
        assertThat(live.path("webhook_deliveries")).extracting(d -> d.path("webhook_uuid").asText() + " "
                + d.path("event_type").asText() + " " + d.path("status").asInt())
                .containsExactly(hook + " participant.joined 200", hook + " dialin.connected 200");
        assertThat(live.path("webhook_deliveries_total").asInt()).isEqualTo(2);
    }

    @Test
    void consolePagesAnswerConnectionCloseWhenAskedLikeTheApi() throws Exception {
        try (java.net.Socket socket = new java.net.Socket(emulator.baseUri().getHost(), emulator.port())) {
            socket.getOutputStream().write(("GET /__admin/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.setSoTimeout(10_000);
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 200").containsIgnoringCase("Connection: close").contains("\"status\":\"ok\"");
        }
    }

    private static JsonNode find(JsonNode usage, String fingerprint) {
        for (JsonNode node : usage) {
            if (node.path("key_fingerprint").asText().equals(fingerprint)) {
                return node;
            }
        }
        throw new AssertionError("no usage for " + fingerprint + " in " + usage);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(emulator.baseUri() + path)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
