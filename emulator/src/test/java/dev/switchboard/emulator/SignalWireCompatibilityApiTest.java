package dev.switchboard.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The compatibility (LaML) number API on the wire: form-encoded bodies, {@code .json} suffixes, the Twilio
 * shapes and page fields, the flat error shape, one state with the Relay REST API, and the call list's
 * date-time filters. (A real Twilio library drives the same API in {@link TwilioCompatibilityClientTest}.)
 */
class SignalWireCompatibilityApiTest extends SignalWireTestBase {
    private static final String ACCOUNT = "/api/laml/2010-04-01/Accounts/" + PROJECT;
    private static final String NUMBERS = ACCOUNT + "/IncomingPhoneNumbers";

    @Test
    void aNumberBoughtThroughLamlHasTheCompatibilityShapeAndIsTheRelayNumber() {
        String wanted = get(ACCOUNT + "/AvailablePhoneNumbers/US/Local.json?AreaCode=206&PageSize=1").body()
                .path("available_phone_numbers").path(0).path("phone_number").asText();
        Response created = postForm(NUMBERS + ".json", "PhoneNumber=" + wanted.replace("+", "%2B")
                + "&FriendlyName=Seattle+desk&VoiceUrl=https%3A%2F%2Fexample.com%2Fv&VoiceMethod=GET");
        assertThat(created.status()).isEqualTo(201);
        JsonNode number = created.body();
        List<String> keys = new ArrayList<>();
        number.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).contains("sid", "account_sid", "friendly_name", "phone_number", "voice_url", "voice_method",
                "sms_url", "sms_method", "status_callback", "capabilities", "date_created", "date_updated",
                "emergency_status", "api_version", "uri", "subresource_uris");
        assertThat(number.path("account_sid").asText()).isEqualTo(PROJECT);
        assertThat(number.path("friendly_name").asText()).isEqualTo("Seattle desk");
        assertThat(number.path("voice_url").asText()).isEqualTo("https://example.com/v");
        assertThat(number.path("voice_method").asText()).isEqualTo("GET");
        assertThat(number.path("sms_url").isNull()).isTrue();
        assertThat(number.path("sms_method").asText()).isEqualTo("POST");
        assertThat(number.path("date_created").asText()).isEqualTo("Thu, 01 Jan 2026 00:00:00 +0000");
        assertThat(number.path("capabilities").path("sms").asBoolean()).isTrue();
        String sid = number.path("sid").asText();
        assertThat(number.path("uri").asText()).isEqualTo(NUMBERS + "/" + sid + ".json");

        JsonNode relay = get("/api/relay/rest/phone_numbers/" + sid).body();
        assertThat(relay.path("number").asText()).isEqualTo(wanted);
        assertThat(relay.path("name").asText()).isEqualTo("Seattle desk");
        assertThat(relay.path("call_request_method").asText()).isEqualTo("GET");
        assertThat(get(NUMBERS + "/" + sid + ".json").body()).isEqualTo(number);
        assertThat(get(NUMBERS + "/" + sid).body()).isEqualTo(number);

        put("/api/relay/rest/phone_numbers/" + sid, q("{'name':'Renamed in Relay'}"));
        assertThat(get(NUMBERS + "/" + sid + ".json").body().path("friendly_name").asText()).isEqualTo("Renamed in Relay");
    }

    @Test
    void listsPageWithTwilioFieldsAndFilter() {
        for (int i = 0; i < 3; i++) {
            buyOne("312");
        }
        JsonNode first = get(NUMBERS + ".json?PageSize=2").body();
        assertThat(first.path("incoming_phone_numbers")).hasSize(2);
        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("page_size").asInt()).isEqualTo(2);
        assertThat(first.path("start").asInt()).isZero();
        assertThat(first.path("end").asInt()).isEqualTo(1);
        assertThat(first.path("first_page_uri").asText()).isEqualTo(NUMBERS + ".json?Page=0&PageSize=2");
        assertThat(first.path("previous_page_uri").isNull()).isTrue();
        String next = first.path("next_page_uri").asText();
        assertThat(next).startsWith(NUMBERS + ".json?Page=1&PageSize=2&PageToken=PA");
        JsonNode second = get(next).body();
        assertThat(second.path("incoming_phone_numbers")).hasSize(1);
        assertThat(second.path("next_page_uri").isNull()).isTrue();
        assertThat(second.path("previous_page_uri").asText()).isEqualTo(NUMBERS + ".json?Page=0&PageSize=2");

        String one = first.path("incoming_phone_numbers").path(0).path("phone_number").asText();
        assertThat(get(NUMBERS + ".json?PhoneNumber=" + one.replace("+", "%2B")).body().path("incoming_phone_numbers"))
                .hasSize(1);
        assertThat(get(NUMBERS + ".json?PhoneNumber=" + one.substring(8)).body().path("incoming_phone_numbers"))
                .hasSizeGreaterThanOrEqualTo(1);
        assertThat(get(NUMBERS + ".json?FriendlyName=nobody").body().path("incoming_phone_numbers")).isEmpty();
        assertThat(get(NUMBERS + ".json?Page=1").body().path("code").asText()).isEqualTo("20001");
    }

    @Test
    void searchFiltersAndErrorsAreFlat() {
        JsonNode found = get(ACCOUNT + "/AvailablePhoneNumbers/US/Local.json?InRegion=CA&InLocality=San+Francisco&Contains=415*").body();
        assertThat(found.path("uri").asText()).startsWith(ACCOUNT + "/AvailablePhoneNumbers/US/Local.json?");
        assertThat(found.path("available_phone_numbers")).isNotEmpty().allSatisfy(n -> {
            assertThat(n.path("phone_number").asText()).startsWith("+1415");
            assertThat(n.path("locality").asText()).isEqualTo("San Francisco");
            assertThat(n.path("region").asText()).isEqualTo("CA");
            assertThat(n.path("capabilities").path("SMS").asBoolean()).isTrue();
        });
        assertThat(get(ACCOUNT + "/AvailablePhoneNumbers/US/TollFree?InRegion=CA").body().path("available_phone_numbers"))
                .isEmpty();
        Response noRegion = get(ACCOUNT + "/AvailablePhoneNumbers/US/Local.json?InLocality=Austin");
        assertThat(noRegion.status()).isEqualTo(400);
        assertThat(noRegion.body().path("code").asText()).isEqualTo("20001");
        assertThat(noRegion.body().path("more_info").asText()).startsWith("https://");
        assertThat(get(ACCOUNT + "/AvailablePhoneNumbers/GB/Local.json").status()).isEqualTo(404);
        assertThat(get(ACCOUNT + "/AvailablePhoneNumbers/US/Local.json?NearNumber=%2B14155550100").status()).isEqualTo(400);

        Response taken = postForm(NUMBERS + ".json", "PhoneNumber=%2B19995550100");
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.body().path("code").asText()).isEqualTo("21422");
        assertThat(postForm(NUMBERS + ".json", "").body().path("code").asText()).isEqualTo("21450");
        Response badMethod = postForm(NUMBERS + ".json", "AreaCode=212&VoiceMethod=PATCH");
        assertThat(badMethod.status()).isEqualTo(400);
        assertThat(get("/api/relay/rest/phone_numbers").body().path("data")).as("a failed create buys nothing").isEmpty();
        assertThat(postForm(NUMBERS + ".json", "AreaCode=212").status()).isEqualTo(201);

        Response otherAccount = get("/api/laml/2010-04-01/Accounts/" + OTHER_PROJECT + "/IncomingPhoneNumbers.json");
        assertThat(otherAccount.status()).isEqualTo(404);
        assertThat(otherAccount.body().path("code").asText()).isEqualTo("20404");
        assertThat(send("GET", PROJECT, "wrong-token", NUMBERS + ".json", null).status()).isEqualTo(401);
    }

    @Test
    void theRootPathWithoutApiLamlIsNotServed() {
        Response root = get("/2010-04-01/Accounts/" + PROJECT + "/IncomingPhoneNumbers.json");
        assertThat(root.status()).isEqualTo(404);
    }

    @Test
    void releaseHonoursTheCooldownAndCallerIdsAreTheVerifiedOnes() {
        String sid = buyOne("303").path("id").asText();
        Response early = delete(NUMBERS + "/" + sid + ".json");
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.body().path("message").asText()).contains("purchased too recently");
        emulator.admin().advanceClock(Duration.ofDays(14));
        assertThat(delete(NUMBERS + "/" + sid + ".json").status()).isEqualTo(204);
        assertThat(get(NUMBERS + "/" + sid + ".json").status()).isEqualTo(404);

        Response validation = postForm(ACCOUNT + "/OutgoingCallerIds.json", "PhoneNumber=%2B12125550100&FriendlyName=Desk");
        assertThat(validation.status()).isEqualTo(201);
        String id = get("/api/relay/rest/verified_caller_ids").body().path("data").path(0).path("id").asText();
        assertThat(emulator.admin().signalwire().verificationCode(PROJECT, id))
                .isEqualTo(validation.body().path("validation_code").asText());
        assertThat(get(ACCOUNT + "/OutgoingCallerIds.json").body().path("outgoing_caller_ids")).isEmpty();
        put("/api/relay/rest/verified_caller_ids/" + id + "/verification",
                q("{'verification_code':'" + validation.body().path("validation_code").asText() + "'}"));
        JsonNode listed = get(ACCOUNT + "/OutgoingCallerIds.json").body().path("outgoing_caller_ids").path(0);
        assertThat(listed.path("sid").asText()).isEqualTo(id);
        assertThat(listed.path("phone_number").asText()).isEqualTo("+12125550100");
        assertThat(listed.path("friendly_name").asText()).isEqualTo("Desk");
        assertThat(postForm(ACCOUNT + "/OutgoingCallerIds/" + id + ".json", "FriendlyName=Front").body()
                .path("friendly_name").asText()).isEqualTo("Front");
        assertThat(delete(ACCOUNT + "/OutgoingCallerIds/" + id + ".json").status()).isEqualTo(204);
    }

    @Test
    void callFiltersTakeRfc2822AndIsoDateTimesAndDurationIsAnInteger() {
        Instant base = Instant.parse("2025-12-02T08:00:00Z");
        for (int i = 0; i < 4; i++) {
            emulator.admin().signalwire().addCall(PROJECT, "+12125550100", "+15035550000", "outbound-dial",
                    base.plus(Duration.ofHours(i)), 30);
        }
        String calls = ACCOUNT + "/Calls.json";
        assertThat(get(calls + "?StartTime%3E=2025-12-02T09:00:00Z").body().path("calls")).hasSize(3);
        assertThat(get(calls + "?StartTime%3E=2025-12-02T10:00:00%2B01:00").body().path("calls")).hasSize(3);
        assertThat(get(calls + "?StartTime%3C=Tue,+02+Dec+2025+09:00:00+%2B0000").body().path("calls")).hasSize(2);
        assertThat(get(calls + "?StartTime%3E=2025-12-02T09:00:00&StartTime%3C=2025-12-02T10:00:00").body()
                .path("calls")).hasSize(2);
        assertThat(get(calls + "?StartTime=2025-12-02").body().path("calls")).hasSize(4);
        assertThat(get(calls + "?StartTime%3E=2025-12-03").body().path("calls")).isEmpty();
        assertThat(get(calls + "?StartTime%3E=yesterday").status()).isEqualTo(400);
        JsonNode call = get(calls).body().path("calls").path(0);
        assertThat(call.path("duration").isIntegralNumber()).isTrue();
        assertThat(call.path("duration").asInt()).isEqualTo(30);
        assertThat(call.path("direction").asText()).isEqualTo("outbound-dial");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> emulator.admin().signalwire().addCall(PROJECT,
                "+12125550100", "+15035550000", "outbound", base, 1)).hasMessageContaining("direction");
    }
}
