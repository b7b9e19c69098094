package dev.switchboard.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The Relay REST phone-number API as it goes over the wire. */
class SignalWireNumbersApiTest extends SignalWireTestBase {
    private static final String NUMBERS = "/api/relay/rest/phone_numbers";

    @Test
    void searchAnswersTheRealShapeAndEnforcesTheBackendRules() {
        Response found = get(NUMBERS + "/search?areacode=503&contains=2&max_results=3");
        assertThat(found.status()).isEqualTo(422);
        found = get(NUMBERS + "/search?areacode=503&max_results=3");
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().path("links").isObject()).isTrue();
        assertThat(found.body().path("links").size()).isZero();
        JsonNode first = found.body().path("data").get(0);
        assertThat(found.body().path("data")).hasSize(3);
        assertThat(first.fieldNames()).toIterable().containsExactly("e164", "national_number_formatted",
                "international_number_formatted", "rate_center", "region", "country_code", "capabilities");
        assertThat(first.path("e164").asText()).startsWith("+1503");
        assertThat(first.path("rate_center").asText()).isEqualTo("PORTLAND");
        assertThat(first.path("national_number_formatted").asText()).startsWith("(503) ");

        assertThat(get(NUMBERS + "/search?number_type=toll-free&region=OR").body().toString())
                .contains("does not support those search filters");
        assertThat(get(NUMBERS + "/search?city=Portland").status()).isEqualTo(422);
        assertThat(get(NUMBERS + "/search?starts_with=503&ends_with=1234").status()).isEqualTo(422);
        assertThat(get(NUMBERS + "/search?max_results=101").status()).isEqualTo(422);
        assertThat(get(NUMBERS + "/search?region=OR&city=portland&areacode=503").body().path("data")).isNotEmpty();
        assertThat(get(NUMBERS + "/search?number_type=toll-free&starts_with=800").body().path("data").get(0)
                .path("e164").asText()).startsWith("+1800");
        assertThat(get(NUMBERS + "/search").body().path("data")).hasSize(50);
    }

    @Test
    void purchaseGivesTheFullResourceWithNameNullAndTheNumberLeavesTheStock() {
        JsonNode bought = buyOne("212");
        List<String> fields = new ArrayList<>();
        bought.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).hasSize(41).startsWith("id", "name", "number", "capabilities", "number_type",
                "e911_address_id", "e911_status").endsWith("message_relay_topic", "country_code");
        assertThat(bought.path("name").isNull()).isTrue();
        assertThat(bought.path("call_handler").asText()).isEqualTo("laml_webhooks");
        assertThat(bought.path("call_request_url").isNull()).isTrue();
        assertThat(bought.path("number_type").asText()).isEqualTo("longcode");
        assertThat(bought.path("created_at").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(bought.path("next_billed_at").asText()).isEqualTo("2026-02-01T00:00:00Z");
        String number = bought.path("number").asText();
        assertThat(get(NUMBERS + "/search?areacode=212&max_results=100").body().toString()).doesNotContain(number);

        Response again = post(NUMBERS, q("{'number':'" + number + "'}"));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.body().toString()).isEqualTo(
                q("{'errors':[{'detail':null,'status':'422','title':'Invalid Attribute','code':'422'}]}"));
        Response other = send("GET", OTHER_PROJECT, OTHER_TOKEN, NUMBERS + "/" + bought.path("id").asText(), null);
        assertThat(other.status()).isEqualTo(404);
    }

    @Test
    void pagesCarryAbsoluteLinksAndTokensUntilNoNextRemains() {
        for (int i = 0; i < 7; i++) {
            emulator.admin().signalwire().addNumber(PROJECT, String.format("+1555010%04d", i), START);
        }
        Response page = get(NUMBERS + "?page_size=3&filter_number=555010");
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        int pages = 0;
        while (true) {
            pages++;
            assertThat(page.status()).isEqualTo(200);
            page.body().path("data").forEach(n -> {
                seen.add(n.path("id").asText());
                order.add(n.path("number").asText());
            });
            JsonNode links = page.body().path("links");
            assertThat(links.path("self").asText()).startsWith(emulator.signalwireSpaceUri() + NUMBERS + "?");
            assertThat(links.path("first").asText()).endsWith("filter_number=555010&page_number=0&page_size=3");
            if (!links.has("next")) {
                break;
            }
            assertThat(links.path("next").asText()).contains("page_token=PA");
            page = send("GET", PROJECT, TOKEN, links.path("next").asText(), null);
            assertThat(page.body().path("links").has("prev")).isTrue();
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(7);
        assertThat(order).startsWith("+15550100006", "+15550100005");

        Response noToken = get(NUMBERS + "?page_number=1");
        assertThat(noToken.status()).isEqualTo(422);
        assertThat(noToken.body().path("errors").get(0).path("code").asText()).isEqualTo("page_token_required");
        assertThat(get(NUMBERS + "?page_number=1&page_token=PAnot-an-id").body().path("errors").get(0)
                .path("code").asText()).isEqualTo("page_token_is_invalid");
        assertThat(get(NUMBERS + "?page_size=1001").status()).isEqualTo(422);
    }

    @Test
    void putIsPartialAndChecksHandlers() {
        String id = buyOne("415").path("id").asText();
        Response updated = put(NUMBERS + "/" + id, q("{'name':'Main','call_request_url':'https://a.example.com/voice',"
                + "'call_request_method':'GET','voice_url':'ignored','message_relay_application':'not echoed'}"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().path("name").asText()).isEqualTo("Main");
        assertThat(updated.body().path("call_request_url").asText()).isEqualTo("https://a.example.com/voice");
        assertThat(updated.body().has("voice_url")).isFalse();
        assertThat(updated.body().has("message_relay_application")).isFalse();
        Response relay = put(NUMBERS + "/" + id, q("{'call_handler':'relay_topic','call_relay_topic':'office'}"));
        assertThat(relay.body().path("call_handler").asText()).isEqualTo("relay_topic");
        assertThat(relay.body().path("name").asText()).isEqualTo("Main");
        assertThat(relay.body().path("call_request_url").asText()).isEqualTo("https://a.example.com/voice");
        assertThat(put(NUMBERS + "/" + id, q("{'call_handler':'relay_application'}")).body().toString())
                .contains("Call relay application can't be blank");
        assertThat(put(NUMBERS + "/" + id, q("{'call_handler':'voicemail'}")).status()).isEqualTo(422);
        assertThat(put(NUMBERS + "/" + id, q("{'call_request_method':'PATCH'}")).status()).isEqualTo(422);
        assertThat(put(NUMBERS + "/" + id, "{not json").status()).isEqualTo(400);
    }

    @Test
    void releaseWaitsFourteenDaysWithTheRealMessage() {
        JsonNode bought = buyOne("305");
        String id = bought.path("id").asText();
        emulator.admin().advanceClock(Duration.ofDays(3));
        Response refused = delete(NUMBERS + "/" + id);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().path("errors").get(0).path("detail").asText()).isEqualTo(
                "Number was purchased too recently to release. Please wait until 2026-01-15 00:00:00 UTC to release"
                        + " this number, or contact Support for assistance.");
        emulator.admin().advanceClock(Duration.ofDays(11));
        Response released = delete(NUMBERS + "/" + id);
        assertThat(released.status()).isEqualTo(204);
        assertThat(released.body()).isNull();
        assertThat(get(NUMBERS + "/" + id).status()).isEqualTo(404);
        assertThat(get(NUMBERS + "/search?areacode=305&max_results=100").body().toString())
                .contains(bought.path("number").asText());
    }

    @Test
    void authFailuresAndUnknownRoutes() {
        assertThat(send("GET", null, null, NUMBERS, null).status()).isEqualTo(401);
        Response wrong = send("GET", PROJECT, OTHER_TOKEN, NUMBERS, null);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body().toString()).isEqualTo(q("{'error':'Unauthorized'}"));
        assertThat(get("/api/relay/rest/no_such_thing").status()).isEqualTo(404);
    }

    @Test
    void stateRoundTripsThroughDumpAndLoad() {
        buyOne("206");
        String callerId = post("/api/relay/rest/verified_caller_ids", q("{'number':'+12125550100'}")).body()
                .path("id").asText();
        emulator.admin().signalwire().addCall(PROJECT, "+12125550100", "+12065550000", "inbound",
                Instant.parse("2025-12-30T10:00:00Z"), 42);
        String dump = emulator.admin().dumpState();
        emulator.admin().loadState(dump);
        assertThat(emulator.admin().dumpState()).isEqualTo(dump);
        assertThat(emulator.admin().signalwire().verificationCode(PROJECT, callerId)).hasSize(6);
    }

    @Test
    void theDemoStateHasASignalWireProject() throws Exception {
        try (Emulator demo = Emulator.builder().seed(SEED).clock(START).demoState().start()) {
            assertThat(demo.admin().signalwire().projects()).singleElement()
                    .satisfies(p -> assertThat(p.apiTokens()).containsExactly("demo-token"));
            assertThat(demo.admin().signalwire().numberCount("demo-project")).isEqualTo(3);
            assertThat(EmulatorMain.readyLine(demo)).contains("projects: demo-project=demo-token");
            String dump = demo.admin().dumpState();
            demo.admin().loadState(dump);
            assertThat(demo.admin().dumpState()).isEqualTo(dump);
        }
    }
}
