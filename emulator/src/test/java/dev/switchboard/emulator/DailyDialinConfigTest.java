package dev.switchboard.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DailyDialinConfigTest extends DailyTestBase {
    private static final int COUNT = 320;

    private String pinless(String number, String prefix) {
        return emulator.admin().daily().addDialinConfig("source", "pinless_dialin",
                Map.of("phone_number", number, "room_creation_api", "https://hooks.example/" + prefix,
                        "name_prefix", prefix));
    }

    @Test
    void createsFlatAndNestedBodiesWithServerFields() {
        emulator.admin().daily().addNumber("source", "+14155550101");
        emulator.admin().daily().addNumber("source", "+14155550102");
        TestHttp.Response flat = http.post(SOURCE_KEY, "/domain-dialin-config", "{\"type\":\"pinless_dialin\","
                + "\"phone_number\":\"+14155550101\",\"room_creation_api\":\"https://a.example\","
                + "\"sip_uri\":\"sip:client-sent@x\",\"timeout_config\":{\"message\":\"later\"}}");
        assertThat(flat.status()).isEqualTo(200);
        assertThat(flat.text("id")).matches("[0-9a-f-]{36}");
        assertThat(flat.text("type")).isEqualTo("pinless_dialin");
        JsonNode config = flat.get("config");
        assertThat(config.path("sip_uri").asText()).startsWith("user--").contains("-pinless-sip.dapp.signalwire.com")
                .doesNotContain("client-sent");
        assertThat(config.path("hmac").asText()).isNotBlank();
        assertThat(config.path("timeout_config").path("message").asText()).isEqualTo("later");

        TestHttp.Response nested = http.post(SOURCE_KEY, "/domain-dialin-config",
                "{\"type\":\"pin_dialin\",\"config\":{\"phone_number\":\"+14155550102\",\"ivr_greeting\":{\"message\":\"hi\"}}}");
        assertThat(nested.status()).isEqualTo(200);
        assertThat(nested.get("config").get("sip_uri").isNull()).isTrue();
        assertThat(nested.get("config").has("hmac")).isFalse();

        TestHttp.Response sipOnly = http.post(SOURCE_KEY, "/domain-dialin-config",
                "{\"type\":\"pinless_dialin\",\"room_creation_api\":\"https://sip.example\"}");
        assertThat(sipOnly.status()).isEqualTo(200);
        assertThat(sipOnly.get("config").has("phone_number")).isFalse();

        assertThat(http.get(SOURCE_KEY, "/domain-dialin-config/" + flat.text("id")).body()).isEqualTo(flat.body());
    }

    @Test
    void rejectsBadBodies() {
        emulator.admin().daily().addNumber("source", "+14155550101");
        for (String bad : List.of("{}", "{\"type\":\"other\"}", "{\"type\":\"pin_dialin\"}",
                "{\"type\":\"pinless_dialin\",\"timeout_config\":\"not an object\"}",
                "{\"type\":\"pinless_dialin\",\"unknown\":1}",
                "{\"type\":\"pin_dialin\",\"phone_number\":\"+14155550101\",\"room_creation_api\":\"https://x\"}",
                "{\"type\":\"pinless_dialin\",\"phone_number\":\"4155550101\"}",
                "{\"type\":\"pinless_dialin\",\"hmac\":\"not base64!\"}")) {
            TestHttp.Response response = http.post(SOURCE_KEY, "/domain-dialin-config", bad);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.text("error")).as(bad).isEqualTo("invalid-request-error");
        }
        assertThat(http.get(SOURCE_KEY, "/domain-dialin-config").get("total_count").asInt()).isZero();
    }

    @Test
    void numberMustBeOwnedAndIsUniqueAcrossDomains() {
        emulator.admin().daily().addNumber("target", "+16175550101");
        TestHttp.Response foreign = http.post(SOURCE_KEY, "/domain-dialin-config",
                "{\"type\":\"pin_dialin\",\"phone_number\":\"+16175550101\"}");
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.text("info"))
                .isEqualTo("Failed to configure pin dialin: 16175550101 not associated with domain: source");

        emulator.admin().daily().addNumber("source", "+14155550101");
        pinless("+14155550101", "first");
        TestHttp.Response duplicate = http.post(SOURCE_KEY, "/domain-dialin-config",
                "{\"type\":\"pin_dialin\",\"phone_number\":\"+14155550101\"}");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.text("error")).isEqualTo("invalid-request-error");

        // After a transfer the source's config still names the number: the target cannot configure it
        // until the source's config is deleted.
        String numberId = http.get(SOURCE_KEY, "/purchased-phone-numbers").get("data").get(0).path("id").asText();
        TestHttp.Response moved = http.post(SOURCE_KEY, "/transfer-phone-number/" + numberId,
                "{\"transferDomainName\":\"target\",\"transferDomainApi\":\"" + TARGET_KEY + "\"}");
        assertThat(moved.status()).isEqualTo(200);
        String create = "{\"type\":\"pinless_dialin\",\"phone_number\":\"+14155550101\",\"room_creation_api\":\"https://t\"}";
        assertThat(http.post(TARGET_KEY, "/domain-dialin-config", create).status()).isEqualTo(400);
        String sourceConfig = http.get(SOURCE_KEY, "/domain-dialin-config").get("data").get(0).path("id").asText();
        assertThat(http.delete(SOURCE_KEY, "/domain-dialin-config/" + sourceConfig).text("status")).isEqualTo("ok");
        assertThat(http.post(TARGET_KEY, "/domain-dialin-config", create).status()).isEqualTo(200);

        assertThatThrownBy(() -> emulator.admin().daily().addDialinConfig("source", "pin_dialin",
                Map.of("phone_number", "+16175550101"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not associated with domain");
    }

    @Test
    void putIsAPartialUpdateThatKeepsTypeAndSipUri() {
        emulator.admin().daily().addNumber("source", "+14155550101");
        emulator.admin().daily().addNumber("source", "+14155550102");
        String id = pinless("+14155550101", "before");
        JsonNode original = http.get(SOURCE_KEY, "/domain-dialin-config/" + id).get("config");

        TestHttp.Response updated = http.put(SOURCE_KEY, "/domain-dialin-config/" + id,
                "{\"name_prefix\":\"after\",\"phone_number\":\"+14155550102\"}");
        assertThat(updated.status()).isEqualTo(200);
        JsonNode config = updated.get("config");
        assertThat(config.path("name_prefix").asText()).isEqualTo("after");
        assertThat(config.path("phone_number").asText()).isEqualTo("+14155550102");
        assertThat(config.path("room_creation_api").asText()).isEqualTo("https://hooks.example/before");
        assertThat(config.path("hmac").asText()).isEqualTo(original.path("hmac").asText());
        assertThat(config.path("sip_uri").asText()).isEqualTo(original.path("sip_uri").asText());

        assertThat(http.put(SOURCE_KEY, "/domain-dialin-config/" + id, "{\"type\":\"pin_dialin\"}").status())
                .isEqualTo(400);
        assertThat(http.put(SOURCE_KEY, "/domain-dialin-config/" + id, "{\"timeout_config\":5}").status())
                .isEqualTo(400);
        assertThat(http.put(SOURCE_KEY, "/domain-dialin-config/no-such-id", "{}").status()).isEqualTo(404);
        // the old number is free again
        pinless("+14155550101", "reused");
        assertThat(http.delete(SOURCE_KEY, "/domain-dialin-config/" + id).status()).isEqualTo(200);
        assertThat(http.delete(SOURCE_KEY, "/domain-dialin-config/" + id).status()).isEqualTo(404);
    }

    @Test
    void pagesThroughConfigsNewestFirstWithFiltersAndBothDirections() {
        for (int i = 0; i < COUNT; i++) {
            String number = number(415, i);
            emulator.admin().daily().addNumber("source", number);
            if (i % 4 == 0) {
                emulator.admin().daily().addDialinConfig("source", "pin_dialin",
                        Map.of("phone_number", number, "name_prefix", "pin-" + (i % 3)));
            } else {
                pinless(number, "pinless-" + (i % 3));
            }
        }
        TestHttp.Response first = http.get(SOURCE_KEY, "/domain-dialin-config");
        assertThat(first.get("total_count").asInt()).isEqualTo(COUNT);
        assertThat(first.get("data")).hasSize(100);
        assertThat(first.get("data").get(0).get("config").path("phone_number").asText()).isEqualTo(number(415, COUNT - 1));

        List<String> forward = new ArrayList<>();
        String cursor = null;
        while (true) {
            JsonNode data = http.get(SOURCE_KEY, "/domain-dialin-config?limit=70"
                    + (cursor == null ? "" : "&starting_after=" + cursor)).get("data");
            if (data.isEmpty()) {
                break;
            }
            data.forEach(c -> forward.add(c.path("id").asText()));
            cursor = data.get(data.size() - 1).path("id").asText();
        }
        assertThat(forward).hasSize(COUNT).doesNotHaveDuplicates();

        List<String> backward = new ArrayList<>();
        JsonNode page = http.get(SOURCE_KEY, "/domain-dialin-config?ending_before=OLDEST").get("data");
        while (!page.isEmpty()) {
            List<String> ids = new ArrayList<>();
            page.forEach(c -> ids.add(c.path("id").asText()));
            backward.addAll(0, ids);
            page = http.get(SOURCE_KEY, "/domain-dialin-config?ending_before=" + ids.get(0)).get("data");
        }
        assertThat(backward).isEqualTo(forward);

        assertThat(http.get(SOURCE_KEY, "/domain-dialin-config?type=pin_dialin").get("total_count").asInt())
                .isEqualTo(COUNT / 4);
        assertThat(http.get(SOURCE_KEY, "/domain-dialin-config?name_prefix=pinless-1").get("total_count").asInt())
                .isEqualTo((int) java.util.stream.IntStream.range(0, COUNT).filter(i -> i % 4 != 0 && i % 3 == 1).count());
        JsonNode one = http.get(SOURCE_KEY, "/domain-dialin-config?phone_number=%2B14152000007").get("data");
        assertThat(one).hasSize(1);
        String sipUri = one.get(0).get("config").path("sip_uri").asText();
        String user = sipUri.substring(0, sipUri.indexOf('@'));
        assertThat(http.get(SOURCE_KEY, "/domain-dialin-config?sip_username=" + user).get("data").get(0).path("id").asText())
                .isEqualTo(one.get(0).path("id").asText());
        TestHttp.Response anyOf = http.get(SOURCE_KEY, "/domain-dialin-config?phone_numbers=2000007,2000011,9999999");
        assertThat(anyOf.get("total_count").asInt()).isEqualTo(2);
        assertThat(http.get(SOURCE_KEY, "/domain-dialin-config?limit=1000").get("data")).hasSize(100);
    }
}
