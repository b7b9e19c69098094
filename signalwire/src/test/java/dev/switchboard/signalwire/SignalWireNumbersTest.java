package dev.switchboard.signalwire;

import dev.switchboard.core.http.StubServer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.http.HttpJson;
import dev.switchboard.core.http.InvalidRequestException;
import dev.switchboard.core.http.UnknownOutcomeException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.switchboard.core.http.StubServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignalWireNumbersTest extends StubbedSignalWire {

    @Test
    void theFullResourceMapsWithBlankStringsAsNull() {
        stub.enqueue(json(200, numberJson("233dffc2", "+15037154424", "Main line")));
        PhoneNumber number = client.phoneNumber("233dffc2");
        assertThat(number.id()).isEqualTo("233dffc2");
        assertThat(number.name()).isEqualTo("Main line");
        assertThat(number.capabilities()).containsExactly("voice", "fax", "sms", "mms");
        assertThat(number.numberType()).isEqualTo("longcode");
        assertThat(number.createdAt()).isEqualTo(Instant.parse("2025-06-03T15:51:29Z"));
        assertThat(number.nextBilledAt()).isEqualTo(Instant.parse("2025-07-03T15:51:29Z"));
        assertThat(number.call().handler()).isEqualTo("laml_webhooks");
        assertThat(number.call().destination()).isEqualTo("https://app.example.com/voice");
        assertThat(number.call().statusCallbackUrl()).isNull();
        assertThat(number.call().relayTopic()).isNull();
        assertThat(number.message().destination()).isEqualTo("https://app.example.com/sms");
        assertThat(number.countryCode()).isEqualTo("US");
        assertThat(number.e911Status()).isNull();
        assertThat(request(0).pathAndQuery()).isEqualTo("/api/relay/rest/phone_numbers/233dffc2");
        assertThat(request(0).header("Authorization")).isEqualTo("Basic " + java.util.Base64.getEncoder()
                .encodeToString((PROJECT + ":" + TOKEN.reveal()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void searchSendsTheRealParameterNamesAndReadsBothItemShapes() {
        stub.enqueue(json(200, q("{'links':{},'data':[{'e164':'+15037154424','national_number_formatted':'(503) 715-4424',"
                + "'international_number_formatted':'+1 503-715-4424','rate_center':'PORTLAND','region':'OR',"
                + "'country_code':'US','capabilities':['voice','fax','sms','mms']},"
                + "{'number':'+15037150000','region':'OR','capabilities':{'voice':true,'sms':true,'mms':false,'fax':false}}]}")));
        List<AvailableNumber> found = client.searchNumbers(NumberSearch.local().withAreacode("503").withRegion("or")
                .withCity("Portland").withContains("4424").withMaxResults(2));
        assertThat(found).extracting(AvailableNumber::e164).containsExactly("+15037154424", "+15037150000");
        assertThat(found.get(0).rateCenter()).isEqualTo("PORTLAND");
        assertThat(found.get(1).capabilities()).containsExactly("voice", "sms");
        assertThat(request(0).pathAndQuery()).isEqualTo(
                "/api/relay/rest/phone_numbers/search?areacode=503&region=OR&city=Portland&contains=4424&max_results=2");

        stub.enqueue(json(200, q("{'links':{},'data':[]}")));
        client.searchNumbers(NumberSearch.tollFree().withStartsWith("800"));
        assertThat(request(1).pathAndQuery()).isEqualTo("/api/relay/rest/phone_numbers/search?number_type=toll-free&starts_with=800");
    }

    @Test
    void searchRulesAreCheckedBeforeAnyCall() {
        assertThatThrownBy(() -> NumberSearch.local().withStartsWith("503").withEndsWith("4424"))
                .hasMessageContaining("mutually exclusive");
        assertThatThrownBy(() -> NumberSearch.local().withCity("Portland")).hasMessageContaining("city requires region");
        assertThatThrownBy(() -> NumberSearch.tollFree().withRegion("OR")).hasMessageContaining("toll-free");
        assertThatThrownBy(() -> NumberSearch.local().withContains("12")).hasMessageContaining("3 to 7 digits");
        assertThatThrownBy(() -> NumberSearch.local().withAreacode("50")).hasMessageContaining("3 digits");
        assertThatThrownBy(() -> NumberSearch.local().withMaxResults(101)).hasMessageContaining("1 to 100");
        assertThat(NumberSearch.local().withAreacode("503").withRegion("OR").withCity("Portland").city()).isEqualTo("Portland");
    }

    @Test
    void purchasePostsTheNumberAndIsNeverResentAfterAServerError() {
        stub.enqueue(json(200, numberJson("new1", "+15037154424", null)));
        PhoneNumber bought = client.purchaseNumber("+1 (503) 715-4424");
        assertThat(bought.name()).isNull();
        assertThat(request(0).method()).isEqualTo("POST");
        assertThat(tree(request(0).body())).isEqualTo(tree(q("{'number':'+15037154424'}")));

        stub.enqueue(json(502, "bad gateway"));
        assertThatThrownBy(() -> client.purchaseNumber("+15037154425")).isInstanceOf(UnknownOutcomeException.class);
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void purchaseOfAnUnavailableNumberIsA422WithTheTitle() {
        stub.enqueue(json(422, q("{'errors':[{'detail':null,'status':'422','title':'Invalid Attribute','code':'422'}]}")));
        assertThatThrownBy(() -> client.purchaseNumber("+15037154424"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("-> 422: Invalid Attribute (no detail given)");
    }

    @Test
    void findNumberFiltersByNumberAndMatchesExactly() {
        stub.enqueue(json(200, q("{'links':{},'data':[" + numberJson("a", "+150371544240", null) + ","
                + numberJson("b", "+15037154424", "x") + "]}")));
        assertThat(client.findNumber("+15037154424")).map(PhoneNumber::id).contains("b");
        assertThat(request(0).pathAndQuery()).isEqualTo("/api/relay/rest/phone_numbers?filter_number=%2B15037154424&page_size=100");
    }

    @Test
    void updateIsAPartialPutOfOnlyTheGivenRealFields() {
        stub.enqueue(json(200, numberJson("n1", "+15037154424", "Main")));
        PhoneNumberUpdate update = new FriendlyNumberUpdate("Main", "https://a.example.com/swml", "get", null,
                "https://a.example.com/status", "https://a.example.com/sms", null, null, null, null).toUpdate()
                .with(NumberField.CALL_FALLBACK_URL, null);
        client.updateNumber("n1", update);
        assertThat(request(0).method()).isEqualTo("PUT");
        assertThat(tree(request(0).body())).isEqualTo(tree(q("{'name':'Main','call_handler':'laml_webhooks',"
                + "'call_request_url':'https://a.example.com/swml','call_request_method':'GET','call_fallback_url':null,"
                + "'call_status_callback_url':'https://a.example.com/status','message_handler':'laml_webhooks',"
                + "'message_request_url':'https://a.example.com/sms'}")));
        assertThatThrownBy(() -> client.updateNumber("n1", PhoneNumberUpdate.empty())).hasMessageContaining("empty");
    }

    @Test
    void friendlyVocabularyRefusesTwoCallHandlersAndBadValues() {
        assertThatThrownBy(() -> new FriendlyNumberUpdate(null, "https://a.example.com", null, null, null, null, null,
                null, "office", null)).hasMessageContaining("one handler");
        assertThatThrownBy(() -> new FriendlyNumberUpdate(null, null, null, null, null, null, null, null, "office",
                "main_ivr")).hasMessageContaining("one handler");
        assertThatThrownBy(() -> FriendlyNumberUpdate.none().withVoiceUrl("ftp://x")).hasMessageContaining("http(s)");
        assertThatThrownBy(() -> new FriendlyNumberUpdate(null, null, "PATCH", null, null, null, null, null, null, null))
                .hasMessageContaining("GET or POST");
        assertThat(new FriendlyNumberUpdate(null, null, null, null, null, null, null, null, null, "main_ivr")
                .toUpdate().toWire()).isEqualTo(Map.of("call_handler", "relay_application",
                "call_relay_application", "main_ivr"));
    }

    @Test
    void changesForKeepsOnlyWhatDiffers() {
        stub.enqueue(json(200, numberJson("n1", "+15037154424", "Main")));
        PhoneNumber number = client.phoneNumber("n1");
        PhoneNumberUpdate update = FriendlyNumberUpdate.none().withName("Main")
                .withVoiceUrl("https://app.example.com/voice").withSmsUrl("https://new.example.com/sms").toUpdate();
        assertThat(update.changesFor(number).toWire()).isEqualTo(Map.of("message_request_url", "https://new.example.com/sms"));
        assertThat(PhoneNumberUpdate.fromWire(update.toWire())).isEqualTo(update);
    }

    @Test
    void releaseInsideTheCooldownNamesTheDate() {
        stub.enqueue(json(422, q("{'errors':[{'detail':'Number was purchased too recently to release. Please wait until"
                + " 2025-06-18 05:49:47 UTC to release this number, or contact Support for assistance.','status':'422',"
                + "'title':'Invalid Attribute','code':'422'}]}")));
        assertThatThrownBy(() -> client.releaseNumber("n1"))
                .isInstanceOfSatisfying(ReleaseCooldownException.class, e ->
                        assertThat(e.releasableAt()).contains(Instant.parse("2025-06-18T05:49:47Z")));
        stub.enqueue(json(204, ""));
        client.releaseNumber("n1");
        assertThat(request(1).method()).isEqualTo("DELETE");
        assertThat(request(1).pathAndQuery()).isEqualTo("/api/relay/rest/phone_numbers/n1");
    }

    @Test
    void e911AssignAndRemove() {
        stub.enqueue(json(200, numberJson("n1", "+15037154424", "Main").replace("\"e911_address_id\":null",
                "\"e911_address_id\":\"ad1\",\"e911_status\":\"pending\"")));
        PhoneNumber pending = client.assignE911Address("n1", "ad1");
        assertThat(pending.e911Status()).isEqualTo("pending");
        assertThat(pending.e911AddressId()).isEqualTo("ad1");
        assertThat(tree(request(0).body())).isEqualTo(tree(q("{'e911_address_id':'ad1'}")));
        stub.enqueue(json(200, numberJson("n1", "+15037154424", "Main").replace("\"e911_address_id\":null",
                "\"e911_address_id\":\"ad1\",\"e911_status\":\"pending_removal\"")));
        assertThat(client.removeE911Address("n1").e911Status()).isEqualTo("pending_removal");
        assertThat(request(1).method() + " " + request(1).pathAndQuery())
                .isEqualTo("DELETE /api/relay/rest/phone_numbers/n1/e911_address");
    }

    @Test
    void spaceUrlSpellings() {
        assertThat(SignalWireClient.spaceUri("example.signalwire.com")).hasToString("https://example.signalwire.com");
        assertThat(SignalWireClient.spaceUri(" https://example.signalwire.com/ ")).hasToString("https://example.signalwire.com");
        assertThatThrownBy(() -> new SignalWireClient(SignalWireClient.spaceUri("http://example.signalwire.com"), PROJECT,
                TOKEN, options())).hasMessageContaining("refusing plain http://");
    }

    static JsonNode tree(String text) {
        try {
            return HttpJson.parse(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
