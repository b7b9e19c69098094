package dev.switchboard.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.emulator.server.RequestLogEntry;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminApiTest extends DailyTestBase {

    private TestHttp admin() {
        return new TestHttp(emulator.baseUri());
    }

    @Test
    void stateDumpLoadsBackToTheSameState() {
        var number = emulator.admin().daily().addNumber("source", "+14155550101");
        emulator.admin().daily().addNumber("target", "+16175550101");
        emulator.admin().daily().addDialinConfig("source", "pinless_dialin",
                Map.of("phone_number", "+14155550101", "room_creation_api", "https://x.example"));
        emulator.admin().daily().addDialinConfig("source", "pinless_dialin", Map.of("name_prefix", "sip-only"));
        emulator.admin().daily().addVerifiedCallerId("source", "+12125550100", "HQ");
        emulator.admin().daily().addParticipant("source", "room-1", "Alice", null);
        emulator.admin().daily().addNumber("source", "+14155550199", START.minusSeconds(86_400 * 20));
        http.post(SOURCE_KEY, "/", "{\"properties\":{\"lang\":\"fr\",\"pinless_dialin\":[{\"phone_number\":\"+14155550101\"}]}}");
        String released = http.get(SOURCE_KEY, "/purchased-phone-numbers?filter_number=0199").get("data").get(0)
                .path("id").asText();
        assertThat(http.delete(SOURCE_KEY, "/release-phone-number/" + released).status()).isEqualTo(200);

        TestHttp.Response dump = admin().get(null, "/__admin/state");
        assertThat(dump.status()).isEqualTo(200);
        String before = dump.body().toString();
        JsonNode numbersBefore = http.get(SOURCE_KEY, "/purchased-phone-numbers").body();
        JsonNode configsBefore = http.get(SOURCE_KEY, "/domain-dialin-config").body();
        JsonNode domainBefore = http.get(SOURCE_KEY, "/").body();

        admin().post(null, "/__admin/reset", null);
        assertThat(http.get(SOURCE_KEY, "/").status()).isEqualTo(401);

        assertThat(admin().post(null, "/__admin/state", before).status()).isEqualTo(200);
        assertThat(admin().get(null, "/__admin/state").body().toString()).isEqualTo(before);
        assertThat(http.get(SOURCE_KEY, "/purchased-phone-numbers").body()).isEqualTo(numbersBefore);
        assertThat(http.get(SOURCE_KEY, "/domain-dialin-config").body()).isEqualTo(configsBefore);
        assertThat(http.get(SOURCE_KEY, "/").body()).isEqualTo(domainBefore);
        assertThat(http.get(SOURCE_KEY, "/purchased-phone-numbers?starting_after=" + number.id()).status()).isEqualTo(200);
        // released numbers stay released after a round trip
        assertThat(http.post(TARGET_KEY, "/buy-phone-number", "{\"number\":\"+14155550199\"}").status()).isEqualTo(422);
        // new ids after a load do not repeat loaded ones
        assertThat(http.post(SOURCE_KEY, "/buy-phone-number", "{}").text("id")).isNotEqualTo(number.id());
    }

    @Test
    void invalidStateIsRejectedAndChangesNothing() {
        emulator.admin().daily().addNumber("source", "+14155550101");
        String duplicateOwner = "{\"daily\":{\"domains\":[{\"domain_name\":\"a\",\"api_keys\":[\"a\"],"
                + "\"phone_numbers\":[{\"number\":\"+14155550101\"}]},{\"domain_name\":\"b\",\"api_keys\":[\"b\"],"
                + "\"phone_numbers\":[{\"number\":\"+14155550101\"}]}]}}";
        TestHttp.Response rejected = admin().post(null, "/__admin/state", duplicateOwner);
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.text("info")).contains("+14155550101");
        assertThat(admin().post(null, "/__admin/state", "[1]").status()).isEqualTo(400);
        assertThat(http.get(SOURCE_KEY, "/purchased-phone-numbers").get("total_count").asInt()).isEqualTo(1);
    }

    @Test
    void clockCanBeReadSetAndAdvanced() {
        TestHttp.Response now = admin().get(null, "/__admin/clock");
        assertThat(now.text("now")).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(now.get("ticking").asBoolean()).isFalse();
        assertThat(admin().post(null, "/__admin/clock", "{\"advance_seconds\":90}").text("now"))
                .isEqualTo("2026-01-01T00:01:30Z");
        admin().post(null, "/__admin/clock", "{\"now\":\"2027-05-05T05:05:05Z\"}");
        assertThat(emulator.admin().now()).isEqualTo(Instant.parse("2027-05-05T05:05:05Z"));
        assertThat(admin().post(null, "/__admin/clock", "{}").status()).isEqualTo(400);
        http.post(SOURCE_KEY, "/buy-phone-number", "{}");
        assertThat(http.get(SOURCE_KEY, "/purchased-phone-numbers").get("data").get(0).path("created_date").asText())
                .isEqualTo("2027-05-05T05:05:05.000Z");
    }

    @Test
    void faultsAndRateLimitsAreManagedOverHttp() {
        TestHttp.Response added = admin().post(null, "/__admin/faults",
                "{\"rules\":[{\"method\":\"GET\",\"path\":\"/v1/\",\"kind\":\"5xx\",\"count\":1,\"status\":502}]}");
        assertThat(added.get("rules")).hasSize(1);
        assertThat(http.get(SOURCE_KEY, "/").status()).isEqualTo(502);
        assertThat(http.get(SOURCE_KEY, "/").status()).isEqualTo(200);
        admin().post(null, "/__admin/faults", "{\"kind\":\"429\",\"probability\":1.0}");
        assertThat(http.get(SOURCE_KEY, "/").status()).isEqualTo(429);
        assertThat(admin().get(null, "/__admin/faults").get("rules")).hasSize(1);
        assertThat(admin().delete(null, "/__admin/faults").status()).isEqualTo(200);
        assertThat(http.get(SOURCE_KEY, "/").status()).isEqualTo(200);
        assertThat(admin().post(null, "/__admin/faults", "{\"kind\":\"explode\",\"count\":1}").status()).isEqualTo(400);
        assertThat(admin().post(null, "/__admin/faults", "{\"kind\":\"reset\"}").status()).isEqualTo(400);

        TestHttp.Response limits = admin().post(null, "/__admin/rate-limits",
                "{\"enabled\":true,\"classes\":{\"default\":[{\"limit\":1,\"window_ms\":60000}]}}");
        assertThat(limits.get("enabled").asBoolean()).isTrue();
        assertThat(http.get(SOURCE_KEY, "/").status()).isEqualTo(200);
        assertThat(http.get(SOURCE_KEY, "/").status()).isEqualTo(429);
        admin().post(null, "/__admin/rate-limits", "{\"enabled\":false}");
        assertThat(http.get(SOURCE_KEY, "/").status()).isEqualTo(200);
    }

    @Test
    void requestLogRecordsFingerprintsNeverKeysOrBodies() {
        var number = emulator.admin().daily().addNumber("source", "+14155550101");
        http.post(SOURCE_KEY, "/transfer-phone-number/" + number.id(),
                "{\"transferDomainName\":\"target\",\"transferDomainApi\":\"" + TARGET_KEY + "\"}");
        http.get(TARGET_KEY, "/purchased-phone-numbers?limit=5");
        http.get("wrong-key", "/");

        TestHttp.Response log = admin().get(null, "/__admin/requests");
        assertThat(log.get("total_count").asInt()).isEqualTo(3);
        String text = log.body().toString();
        assertThat(text).doesNotContain(SOURCE_KEY).doesNotContain(TARGET_KEY).doesNotContain("wrong-key");
        JsonNode transfer = log.get("data").get(0);
        assertThat(transfer.path("method").asText()).isEqualTo("POST");
        assertThat(transfer.path("path").asText()).isEqualTo("/v1/transfer-phone-number/" + number.id());
        assertThat(transfer.path("status").asInt()).isEqualTo(200);
        assertThat(transfer.path("key_fingerprint").asText()).startsWith("sha256:");
        JsonNode list = log.get("data").get(1);
        assertThat(list.path("query").asText()).isEqualTo("limit=5");
        assertThat(list.path("key_fingerprint").asText()).isNotEqualTo(transfer.path("key_fingerprint").asText());
        assertThat(log.get("data").get(2).path("status").asInt()).isEqualTo(401);

        assertThat(emulator.admin().requests()).extracting(RequestLogEntry::status).containsExactly(200, 200, 401);
        admin().delete(null, "/__admin/requests");
        assertThat(emulator.admin().requests()).isEmpty();
        assertThat(admin().get(null, "/__admin/nothing").status()).isEqualTo(404);
    }

    @Test
    void resetReturnsToTheInitialStateFaultsAndClock() throws Exception {
        String initial = "{\"clock\":\"2025-06-01T00:00:00Z\",\"daily\":{\"domains\":[{\"domain_name\":\"only\","
                + "\"api_keys\":[\"only-key\"],\"phone_numbers\":[{\"number\":\"+14155550101\"}]}]}}";
        try (Emulator fromState = Emulator.builder().seed(SEED).clock(START).disableRateLimits().stateJson(initial)
                .start()) {
            TestHttp client = new TestHttp(fromState.dailyBaseUri());
            assertThat(fromState.admin().now()).isEqualTo(Instant.parse("2025-06-01T00:00:00Z"));
            String originalId = client.get("only-key", "/purchased-phone-numbers").get("data").get(0).path("id").asText();
            client.post("only-key", "/buy-phone-number", "{}");
            fromState.admin().advanceClock(java.time.Duration.ofDays(3));
            new TestHttp(fromState.baseUri()).post(null, "/__admin/reset", null);
            assertThat(fromState.admin().requests()).isEmpty();
            assertThat(client.get("only-key", "/purchased-phone-numbers").get("total_count").asInt()).isEqualTo(1);
            assertThat(client.get("only-key", "/purchased-phone-numbers").get("data").get(0).path("id").asText())
                    .isEqualTo(originalId);
            assertThat(fromState.admin().now()).isEqualTo(Instant.parse("2025-06-01T00:00:00Z"));
        }
    }
}
