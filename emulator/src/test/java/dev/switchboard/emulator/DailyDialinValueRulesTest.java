package dev.switchboard.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The emulator refuses dial-in values Daily refuses (its own copy of the rules, shared with no client code): hmacs
 * that are not base64 or too long, webhooks that are not http(s) URLs with a host, control characters, over-long
 * texts; on create, update and in the legacy domain arrays alike. Nothing refused is stored.
 */
class DailyDialinValueRulesTest extends DailyTestBase {
    private static final List<String> BAD_FIELDS = List.of(
            "\"hmac\":\"not base64!\"",
            "\"hmac\":\"" + "QUFB".repeat(100) + "\"",
            "\"room_creation_api\":\"ftp://x\"",
            "\"room_creation_api\":\"https://\"",
            "\"room_creation_api\":\"https://exa mple.com/x\"",
            "\"room_creation_api\":\"hooks.example.com/dial\"",
            "\"hold_music_url\":\"file:///etc/passwd\"",
            "\"name_prefix\":\"sales\\u001b[2J\"",
            "\"name_prefix\":\"" + "n".repeat(129) + "\"",
            "\"timeout_config\":{\"message\":\"line\\nbreak\"}",
            "\"timeout_config\":{\"message\":7}");

    @Test
    void createRefusesEveryBadValue() {
        for (String field : BAD_FIELDS) {
            TestHttp.Response response = http.post(SOURCE_KEY, "/domain-dialin-config",
                    "{\"type\":\"pinless_dialin\"," + field + "}");
            assertThat(response.status()).as(field).isEqualTo(400);
            assertThat(response.text("error")).as(field).isEqualTo("invalid-request-error");
        }
        assertThat(http.get(SOURCE_KEY, "/domain-dialin-config").get("total_count").asInt()).isZero();
    }

    @Test
    void goodValuesAndTheDailyBotsPlaceholderAreAccepted() {
        TestHttp.Response response = http.post(SOURCE_KEY, "/domain-dialin-config", "{\"type\":\"pinless_dialin\","
                + "\"hmac\":\"c2VjcmV0\",\"room_creation_api\":\"dailybots\",\"name_prefix\":\"Sales – EU\","
                + "\"hold_music_url\":\"http://127.0.0.1:8080/hold.mp3\",\"timeout_config\":{\"message\":\"later\"}}");
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
    }

    @Test
    void updateRefusesEveryBadValueAndKeepsTheConfig() {
        TestHttp.Response created = http.post(SOURCE_KEY, "/domain-dialin-config",
                "{\"type\":\"pinless_dialin\",\"room_creation_api\":\"https://hooks.example/a\"}");
        String path = "/domain-dialin-config/" + created.text("id");
        for (String field : BAD_FIELDS) {
            assertThat(http.put(SOURCE_KEY, path, "{" + field + "}").status()).as(field).isEqualTo(400);
        }
        assertThat(http.get(SOURCE_KEY, path).body()).isEqualTo(created.body());
    }

    @Test
    void legacyArraysRefuseEveryBadValue() {
        com.fasterxml.jackson.databind.JsonNode before = http.get(SOURCE_KEY, "/").body();
        for (String field : BAD_FIELDS) {
            TestHttp.Response response = http.post(SOURCE_KEY, "/",
                    "{\"properties\":{\"pinless_dialin\":[{" + field + "}]}}");
            assertThat(response.status()).as(field).isEqualTo(400);
        }
        assertThat(http.get(SOURCE_KEY, "/").body()).isEqualTo(before);
    }
}
