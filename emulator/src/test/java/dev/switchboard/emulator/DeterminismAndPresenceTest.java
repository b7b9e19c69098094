package dev.switchboard.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismAndPresenceTest extends DailyTestBase {

    /** Buys two random numbers and creates a config; returns every generated value the client sees. */
    private static List<String> scriptedRun(long seed) throws IOException {
        try (Emulator run = Emulator.builder().seed(seed).clock(START).disableRateLimits().start()) {
            run.admin().daily().createDomain("d", "k");
            TestHttp client = new TestHttp(run.dailyBaseUri());
            List<String> seen = new ArrayList<>();
            seen.add(client.get("k", "/").text("domain_id"));
            for (int i = 0; i < 2; i++) {
                TestHttp.Response bought = client.post("k", "/buy-phone-number", "{}");
                seen.add(bought.text("id"));
                seen.add(bought.text("number"));
            }
            JsonNode config = client.post("k", "/domain-dialin-config",
                    "{\"type\":\"pinless_dialin\",\"phone_number\":\"" + seen.get(2) + "\"}").body();
            seen.add(config.path("id").asText());
            seen.add(config.path("config").path("hmac").asText());
            seen.add(config.path("config").path("sip_uri").asText());
            seen.add(client.get("k", "/list-available-numbers?region=NY").body().toString());
            return seen;
        }
    }

    @Test
    void theSameSeedRepeatsIdsNumbersAndSecrets() throws IOException {
        System.out.println("determinism seeds 11 and 12");
        List<String> first = scriptedRun(11);
        assertThat(scriptedRun(11)).isEqualTo(first);
        List<String> other = scriptedRun(12);
        assertThat(other.get(1)).isNotEqualTo(first.get(1));
        assertThat(other.get(other.size() - 1)).isNotEqualTo(first.get(first.size() - 1));
    }

    @Test
    void presenceListsSimulatedParticipantsPerRoom() {
        String alice = emulator.admin().daily().addParticipant("source", "sales", "Alice", "u-1");
        emulator.admin().advanceClock(Duration.ofSeconds(30));
        emulator.admin().daily().addParticipant("source", "sales", null, null);
        emulator.admin().daily().addParticipant("source", "support", "Carol", null);
        emulator.admin().daily().addParticipant("target", "elsewhere", "Dan", null);
        emulator.admin().advanceClock(Duration.ofSeconds(12));

        JsonNode all = http.get(SOURCE_KEY, "/presence").body();
        assertThat(all.size()).isEqualTo(2);
        JsonNode sales = all.get("sales");
        assertThat(sales).hasSize(2);
        JsonNode first = sales.get(0);
        assertThat(first.path("id").asText()).isEqualTo(alice);
        assertThat(first.path("userName").asText()).isEqualTo("Alice");
        assertThat(first.path("userId").asText()).isEqualTo("u-1");
        assertThat(first.path("joinTime").asText()).isEqualTo("2026-01-01T00:00:00.000Z");
        assertThat(first.path("duration").asInt()).isEqualTo(42);
        assertThat(sales.get(1).get("userId").isNull()).isTrue();
        assertThat(sales.get(1).path("mtgSessionId").asText()).isEqualTo(first.path("mtgSessionId").asText());

        TestHttp.Response room = http.get(SOURCE_KEY, "/rooms/sales/presence");
        assertThat(room.get("total_count").asInt()).isEqualTo(2);
        assertThat(room.get("data").get(1).has("userId")).isFalse();
        assertThat(http.get(SOURCE_KEY, "/rooms/sales/presence?userName=Alice").get("total_count").asInt()).isEqualTo(1);
        assertThat(http.get(SOURCE_KEY, "/rooms/sales/presence?limit=1").get("data")).hasSize(1);
        assertThat(http.get(SOURCE_KEY, "/rooms/empty/presence").get("total_count").asInt()).isZero();

        assertThat(emulator.admin().daily().removeParticipant("source", alice)).isTrue();
        assertThat(http.get(SOURCE_KEY, "/rooms/sales/presence").get("total_count").asInt()).isEqualTo(1);
    }

    @Test
    void demoStateHasTwoDomainsWithNumbersAndConfigs() throws IOException {
        try (Emulator demo = Emulator.builder().demoState().disableRateLimits().start()) {
            TestHttp client = new TestHttp(demo.dailyBaseUri());
            assertThat(client.get("source-key", "/").text("domain_name")).isEqualTo("source");
            assertThat(client.get("target-key", "/").text("domain_name")).isEqualTo("target");
            assertThat(client.get("source-key", "/purchased-phone-numbers").get("total_count").asInt()).isEqualTo(6);
            assertThat(client.get("source-key", "/domain-dialin-config").get("total_count").asInt()).isEqualTo(4);
            assertThat(client.get("source-key", "/").get("config").get("pinless_dialin")).hasSize(1);
            String oldNumber = client.get("source-key", "/purchased-phone-numbers?filter_number=0105").get("data").get(0)
                    .path("id").asText();
            assertThat(client.delete("source-key", "/release-phone-number/" + oldNumber).status()).isEqualTo(200);
        }
    }
}
