package dev.switchboard.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DailyTransferTest extends DailyTestBase {

    private String body(String name, String key) {
        return TestHttp.json(Map.of("transferDomainName", name, "transferDomainApi", key));
    }

    @Test
    void movesTheNumberWithANewIdAndLeavesConfigsBehind() {
        var original = emulator.admin().daily().addNumber("source", "+14155550101",
                START.minusSeconds(86_400 * 30));
        String config = emulator.admin().daily().addDialinConfig("source", "pinless_dialin",
                Map.of("phone_number", "+14155550101", "room_creation_api", "https://x.example"));

        TestHttp.Response moved = http.post(SOURCE_KEY, "/transfer-phone-number/" + original.id(), body("target", TARGET_KEY));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.get("status").asBoolean()).isTrue();
        String newId = moved.text("newId");
        assertThat(newId).matches("[0-9a-f-]{36}").isNotEqualTo(original.id());

        assertThat(http.get(SOURCE_KEY, "/purchased-phone-numbers").get("total_count").asInt()).isZero();
        JsonNode inTarget = http.get(TARGET_KEY, "/purchased-phone-numbers").get("data").get(0);
        assertThat(inTarget.path("id").asText()).isEqualTo(newId);
        assertThat(inTarget.path("number").asText()).isEqualTo("+14155550101");
        assertThat(inTarget.path("created_date").asText()).isEqualTo("2025-12-02T00:00:00.000Z");
        assertThat(inTarget.path("pagination_id").asLong()).isGreaterThan(original.paginationId());

        JsonNode sourceConfig = http.get(SOURCE_KEY, "/domain-dialin-config/" + config).get("config");
        assertThat(sourceConfig.path("phone_number").asText()).isEqualTo("+14155550101");
        assertThat(http.get(TARGET_KEY, "/domain-dialin-config").get("total_count").asInt()).isZero();

        // the old id is gone from the source; rolling back uses newId with the target key
        assertThat(http.post(SOURCE_KEY, "/transfer-phone-number/" + original.id(), body("target", TARGET_KEY)).status())
                .isEqualTo(404);
        TestHttp.Response back = http.post(TARGET_KEY, "/transfer-phone-number/" + newId, body("source", SOURCE_KEY));
        assertThat(back.status()).isEqualTo(200);
        assertThat(http.get(SOURCE_KEY, "/purchased-phone-numbers").get("data").get(0).path("id").asText())
                .isEqualTo(back.text("newId"));
        // 30 days after purchase the moved number can be released: the purchase date travelled with it
        assertThat(http.delete(SOURCE_KEY, "/release-phone-number/" + back.text("newId")).status()).isEqualTo(200);
    }

    @Test
    void rejectsWrongTargetsAndLeavesEverythingInPlace() {
        var number = emulator.admin().daily().addNumber("source", "+14155550101");
        emulator.admin().daily().createDomain("third", "third-key");
        String path = "/transfer-phone-number/" + number.id();

        TestHttp.Response badKey = http.post(SOURCE_KEY, path, body("target", "not-a-key"));
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(badKey.text("error")).isEqualTo("invalid-request-error");
        assertThat(badKey.body().toString()).doesNotContain("not-a-key");

        TestHttp.Response wrongName = http.post(SOURCE_KEY, path, body("third", TARGET_KEY));
        assertThat(wrongName.status()).isEqualTo(400);
        TestHttp.Response self = http.post(SOURCE_KEY, path, body("source", SOURCE_KEY));
        assertThat(self.status()).isEqualTo(400);
        assertThat(http.post(SOURCE_KEY, path, "{\"transferDomainName\":\"target\"}").status()).isEqualTo(400);
        TestHttp.Response notOwned = http.post(TARGET_KEY, path, body("source", SOURCE_KEY));
        assertThat(notOwned.status()).isEqualTo(404);

        assertThat(http.get(SOURCE_KEY, "/purchased-phone-numbers").get("data").get(0).path("id").asText())
                .isEqualTo(number.id());
        assertThat(http.get(TARGET_KEY, "/purchased-phone-numbers").get("total_count").asInt()).isZero();
    }
}
