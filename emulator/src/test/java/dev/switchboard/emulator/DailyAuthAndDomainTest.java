package dev.switchboard.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DailyAuthAndDomainTest extends DailyTestBase {

    @Test
    void missingOrMalformedHeaderIs400AndUnknownKeyIs401() throws Exception {
        assertThat(http.get(null, "/").status()).isEqualTo(400);
        assertThat(http.get(null, "/").text("error")).isEqualTo("authorization-header-error");

        HttpResponse<String> basic = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(emulator.dailyBaseUri().resolve("/v1/")).header("Authorization", "Basic abc").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(basic.statusCode()).isEqualTo(400);
        assertThat(TestHttp.JSON.readTree(basic.body()).path("error").asText()).isEqualTo("authorization-header-error");

        TestHttp.Response unknown = http.get("no-such-key", "/purchased-phone-numbers");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.text("error")).isEqualTo("authentication-error");
        assertThat(unknown.text("info")).isNotBlank();
    }

    @Test
    void badJsonIsJsonParsingErrorAndUnknownRouteIs404() {
        TestHttp.Response bad = http.post(SOURCE_KEY, "/domain-dialin-config", "{not json");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("error")).isEqualTo("json-parsing-error");

        TestHttp.Response missing = http.get(SOURCE_KEY, "/no-such-thing");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text("error")).isEqualTo("not-found");
    }

    @Test
    void domainInfoShowsNameIdAndDefaultConfigWithoutLegacyArrays() {
        TestHttp.Response info = http.get(SOURCE_KEY, "/");
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.text("domain_name")).isEqualTo("source");
        assertThat(info.text("domain_id")).matches("[0-9a-f-]{36}");
        JsonNode config = info.get("config");
        assertThat(config.path("disable_rate_limiting").asBoolean(true)).isFalse();
        assertThat(config.path("lang").asText()).isEqualTo("en");
        assertThat(config.has("pinless_dialin")).isFalse();
        assertThat(config.has("pin_dialin")).isFalse();
        assertThat(http.get(TARGET_KEY, "/").text("domain_name")).isEqualTo("target");
    }

    @Test
    void legacyArraysAreReplacedWholesaleWithGeneratedHmacAndServerSipUri() {
        emulator.admin().daily().addNumber("source", "+14155550101");
        emulator.admin().daily().addNumber("source", "+14155550102");
        String first = TestHttp.json(Map.of("properties", Map.of("pinless_dialin", List.of(
                Map.of("phone_number", "+14155550101", "room_creation_api", "https://a.example/hook",
                        "sip_uri", "sip:ignored@client.example"),
                Map.of("phone_number", "+14155550102", "room_creation_api", "https://b.example/hook",
                        "hmac", "c2VjcmV0")), "lang", "de")));
        TestHttp.Response set = http.post(SOURCE_KEY, "/", first);
        assertThat(set.status()).isEqualTo(200);
        JsonNode entries = http.get(SOURCE_KEY, "/").get("config").get("pinless_dialin");
        assertThat(entries).hasSize(2);
        JsonNode a = entries.get(0);
        assertThat(a.path("hmac").asText()).isNotBlank().isNotEqualTo("c2VjcmV0");
        assertThat(a.path("sip_uri").asText()).endsWith("@source.sip.daily.co").doesNotContain("ignored");
        assertThat(entries.get(1).path("hmac").asText()).isEqualTo("c2VjcmV0");

        // Send only the second entry back, without hmac: the first is gone, the second gets a new hmac
        // and keeps its sip_uri (same phone number).
        String second = TestHttp.json(Map.of("properties", Map.of("pinless_dialin", List.of(
                Map.of("phone_number", "+14155550102", "room_creation_api", "https://b.example/hook")))));
        assertThat(http.post(SOURCE_KEY, "/", second).status()).isEqualTo(200);
        JsonNode after = http.get(SOURCE_KEY, "/").get("config").get("pinless_dialin");
        assertThat(after).hasSize(1);
        assertThat(after.get(0).path("phone_number").asText()).isEqualTo("+14155550102");
        assertThat(after.get(0).path("hmac").asText()).isNotEqualTo("c2VjcmV0");
        assertThat(after.get(0).path("sip_uri").asText()).isEqualTo(entries.get(1).path("sip_uri").asText());
    }

    @Test
    void legacyEntryMustNameAnOwnedNumberAndPinEntriesHaveNoHmac() {
        emulator.admin().daily().addNumber("target", "+16175550101");
        emulator.admin().daily().addNumber("source", "+14155550103");
        TestHttp.Response foreign = http.post(SOURCE_KEY, "/", TestHttp.json(Map.of("properties",
                Map.of("pinless_dialin", List.of(Map.of("phone_number", "+16175550101"))))));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.text("error")).isEqualTo("invalid-request-error");
        assertThat(foreign.text("info")).contains("not associated with domain: source");
        assertThat(http.get(SOURCE_KEY, "/").get("config").has("pinless_dialin")).isFalse();

        TestHttp.Response pin = http.post(SOURCE_KEY, "/", TestHttp.json(Map.of("properties",
                Map.of("pin_dialin", List.of(Map.of("phone_number", "+14155550103", "name_prefix", "p"))))));
        assertThat(pin.status()).isEqualTo(200);
        JsonNode pinEntry = pin.get("config").get("pin_dialin").get(0);
        assertThat(pinEntry.has("hmac")).isFalse();
        assertThat(pinEntry.has("sip_uri")).isFalse();

        TestHttp.Response unknownProperty = http.post(SOURCE_KEY, "/", "{\"properties\":{\"no_such_property\":1}}");
        assertThat(unknownProperty.status()).isEqualTo(400);
        TestHttp.Response notWrapped = http.post(SOURCE_KEY, "/", "{\"lang\":\"de\"}");
        assertThat(notWrapped.status()).isEqualTo(400);
    }

    @Test
    void aKeyNeverSeesOrChangesAnotherDomain() {
        var sourceNumber = emulator.admin().daily().addNumber("source", "+14155550111");
        String config = emulator.admin().daily().addDialinConfig("source", "pinless_dialin",
                Map.of("phone_number", "+14155550111", "room_creation_api", "https://x.example"));
        assertThat(http.get(TARGET_KEY, "/purchased-phone-numbers").get("total_count").asInt()).isZero();
        assertThat(http.get(TARGET_KEY, "/domain-dialin-config").get("total_count").asInt()).isZero();
        assertThat(http.get(TARGET_KEY, "/domain-dialin-config/" + config).status()).isEqualTo(404);
        assertThat(http.put(TARGET_KEY, "/domain-dialin-config/" + config, "{\"name_prefix\":\"x\"}").status())
                .isEqualTo(404);
        assertThat(http.delete(TARGET_KEY, "/domain-dialin-config/" + config).status()).isEqualTo(404);
        assertThat(http.delete(TARGET_KEY, "/release-phone-number/" + sourceNumber.id()).status()).isEqualTo(404);
        assertThat(http.get(SOURCE_KEY, "/domain-dialin-config/" + config).status()).isEqualTo(200);
        assertThat(http.get(SOURCE_KEY, "/purchased-phone-numbers").get("total_count").asInt()).isEqualTo(1);
    }
}
