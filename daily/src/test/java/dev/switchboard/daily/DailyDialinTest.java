package dev.switchboard.daily;

import dev.switchboard.core.http.StubServer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.http.AuthenticationException;
import dev.switchboard.core.http.IncompleteListException;
import dev.switchboard.core.http.InvalidRequestException;
import dev.switchboard.core.http.NotFoundException;
import dev.switchboard.core.http.Secret;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.switchboard.core.http.StubServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DailyDialinTest extends StubbedDaily {
    private static final String PINLESS = q("{'id':'c1','type':'pinless_dialin','created_at':'2025-02-01T10:00:00.000Z',"
            + "'config':{'phone_number':'+18058700061','sip_uri':'user--1@daily-d-pinless-sip.example.com',"
            + "'hmac':'c2VjcmV0LWhtYWM=','room_creation_api':'https://bot.example.com/dialin','name_prefix':'support',"
            + "'hold_music_url':'https://bot.example.com/hold.mp3','timeout_config':{'message':'busy'},'future_field':7}}");

    @Test
    void dialinConfigsPageByIdWithFiltersAndMapEveryField() {
        stub.enqueue(json(200, "{\"total_count\":2,\"data\":[" + PINLESS + "]}"),
                json(200, q("{'total_count':2,'data':[{'id':'c2','type':'pin_dialin','config':{'sip_uri':null,"
                        + "'name_prefix':'pin','phone_number':'+12555599999','ivr_greeting':{'message':'enter pin'}}}]}")));

        List<DialinConfig> configs = client.dialinConfigs(new DialinConfigFilter(null, List.of("+1805", "+1255"), "user", null,
                DialinType.PINLESS_DIALIN));

        assertThat(stub.requests()).extracting(StubServer.Recorded::pathAndQuery).containsExactly(
                "/v1/domain-dialin-config?phone_numbers=%2B1805%2C%2B1255&sip_username=user&type=pinless_dialin&limit=100",
                "/v1/domain-dialin-config?phone_numbers=%2B1805%2C%2B1255&sip_username=user&type=pinless_dialin&limit=100&starting_after=c1");
        DialinConfig pinless = configs.get(0);
        assertThat(pinless.type()).isEqualTo(DialinType.PINLESS_DIALIN);
        assertThat(pinless.hmac()).isEqualTo(Secret.of("c2VjcmV0LWhtYWM="));
        assertThat(pinless.sipUri()).isEqualTo("user--1@daily-d-pinless-sip.example.com");
        assertThat(pinless.timeoutConfig()).isEqualTo(tree(q("{'message':'busy'}")));
        assertThat(pinless.createdAt()).hasToString("2025-02-01T10:00:00Z");
        assertThat(pinless.extra()).isEqualTo(tree(q("{'future_field':7}")));
        DialinConfig pin = configs.get(1);
        assertThat(pin.type()).isEqualTo(DialinType.PIN_DIALIN);
        assertThat(pin.sipUri()).isNull();
        assertThat(pin.hmac()).isNull();
        assertThat(pin.ivrGreeting().path("message").asText()).isEqualTo("enter pin");
    }

    @Test
    void dialinConfigCountMismatchIsIncomplete() {
        stub.enqueue(json(200, "{\"total_count\":5,\"data\":[" + PINLESS + "]}"), json(200, q("{'total_count':5,'data':[]}")));
        assertThatThrownBy(() -> client.dialinConfigs(DialinConfigFilter.all())).isInstanceOf(IncompleteListException.class);
    }

    @Test
    void recreatingFromAReadConfigSendsAFlatBodyWithTheSameHmacAndNoSipUri() {
        stub.enqueue(json(200, PINLESS), json(200, PINLESS.replace("\"c1\"", "\"c9\"")));
        DialinConfig read = client.dialinConfig("c1");
        DialinConfig created = client.createDialinConfig(read.toSpec());

        assertThat(created.id()).isEqualTo("c9");
        assertThat(request(0).pathAndQuery()).isEqualTo("/v1/domain-dialin-config/c1");
        assertThat(request(1).method()).isEqualTo("POST");
        assertThat(tree(request(1).body())).isEqualTo(tree(q("{'type':'pinless_dialin','phone_number':'+18058700061',"
                + "'name_prefix':'support','hmac':'c2VjcmV0LWhtYWM=','room_creation_api':'https://bot.example.com/dialin',"
                + "'hold_music_url':'https://bot.example.com/hold.mp3','timeout_config':{'message':'busy'}}")));
    }

    @Test
    void createdPinConfigCarriesItsGreeting() {
        stub.enqueue(json(200, q("{'id':'p1','type':'pin_dialin','config':{'phone_number':'+12555599999'}}")));
        JsonNode greeting = tree(q("{'message':'enter the code'}"));
        client.createDialinConfig(DialinConfigSpec.pin("+12555599999").withNamePrefix("pins").withIvrGreeting(greeting));
        assertThat(tree(request(0).body())).isEqualTo(tree(q("{'type':'pin_dialin','phone_number':'+12555599999',"
                + "'name_prefix':'pins','ivr_greeting':{'message':'enter the code'}}")));
    }

    @Test
    void specRulesAreCheckedBeforeSending() {
        assertThatThrownBy(() -> new DialinConfigSpec(DialinType.PIN_DIALIN, null, null, null, null, null, null, null))
                .hasMessageContaining("pin_dialin config needs a phone number");
        assertThatThrownBy(() -> new DialinConfigSpec(DialinType.PIN_DIALIN, "+12555599999", null, Secret.of("h"),
                null, null, null, null)).hasMessageContaining("pinless_dialin only");
        assertThatThrownBy(() -> DialinConfigSpec.pinless(null, "https://x", null).withIvrGreeting(tree("{}")))
                .hasMessageContaining("ivr_greeting applies to pin_dialin only");
        assertThatThrownBy(() -> DialinConfigSpec.pinless(null, "https://x", null).withTimeoutConfig(tree("\"busy\"")))
                .hasMessageContaining("timeout_config must be a JSON object");
        assertThatThrownBy(() -> DialinConfigSpec.pin("555-1234")).hasMessageContaining("E.164");
        assertThat(DialinConfigSpec.pinless(null, "https://x", null).phoneNumber()).isNull();
    }

    @Test
    void updateSendsOnlyTheChangedFieldsWithPut() {
        stub.enqueue(json(200, PINLESS));
        DialinConfig updated = client.updateDialinConfig("c1", DialinConfigPatch.none().withRoomCreationApi("https://new.example.com"));
        assertThat(updated.hmac()).isNotNull();
        assertThat(request(0).method()).isEqualTo("PUT");
        assertThat(request(0).pathAndQuery()).isEqualTo("/v1/domain-dialin-config/c1");
        assertThat(tree(request(0).body())).isEqualTo(tree(q("{'room_creation_api':'https://new.example.com'}")));
        assertThatThrownBy(() -> client.updateDialinConfig("c1", DialinConfigPatch.none()))
                .hasMessageContaining("empty dial-in config patch");
    }

    @Test
    void deleteRetriedAfterAServerErrorReportsNotFoundAsPossiblyDone() {
        stub.enqueue(json(503, q("{'error':'server-error','info':'try later'}")),
                json(404, q("{'error':'not-found','info':'no config'}")));
        assertThatThrownBy(() -> client.deleteDialinConfig("c1"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.afterAmbiguousAttempt()).isTrue());
        assertThat(stub.requests()).extracting(StubServer.Recorded::method).containsExactly("DELETE", "DELETE");
    }

    @Test
    void createRefusedForANumberOfAnotherDomainIsAnInvalidRequest() {
        stub.enqueue(json(400, q("{'error':'invalid-request-error','info':'Failed to configure pin dialin: 12096181843 "
                + "not associated with domain: your-domain'}")));
        assertThatThrownBy(() -> client.createDialinConfig(DialinConfigSpec.pin("+12096181843")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.errorType()).isEqualTo("invalid-request-error");
                    assertThat(e.info()).contains("not associated with domain");
                });
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void rejectedKeyIsAnAuthenticationError() {
        stub.enqueue(json(401, q("{'error':'authentication-error','info':'bad key'}")));
        assertThatThrownBy(() -> client.domain())
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.errorType()).isEqualTo("authentication-error"))
                .hasMessage("GET / -> 401 authentication-error: bad key");
    }

    @Test
    void verifiedCallerIdsAddAndList() {
        stub.enqueue(json(200, q("{'id':'v1','number':'+12125550199','name':'Front desk'}")),
                json(200, q("{'total_count':1,'data':[{'id':'v1','number':'+12125550199','name':'Front desk'}]}")));
        assertThat(client.addVerifiedCallerId("+12125550199", "Front desk"))
                .isEqualTo(new VerifiedCallerId("v1", "+12125550199", "Front desk"));
        assertThat(tree(request(0).body())).isEqualTo(tree(q("{'number':'+12125550199','name':'Front desk'}")));
        assertThat(client.verifiedCallerIds()).containsExactly(new VerifiedCallerId("v1", "+12125550199", "Front desk"));
    }

    @Test
    void presenceMapsRoomsToParticipants() {
        stub.enqueue(json(200, q("{'my-room':[{'room':'my-room','id':'p1','userId':null,'userName':'Alice',"
                        + "'mtgSessionId':'m1','joinTime':'2026-03-27T16:37:22.000Z','duration':22}],'empty':[]}")),
                json(200, q("{'total_count':1,'data':[{'room':'a b','id':'p2','userName':'Bob','duration':5}]}")));
        var rooms = client.presence();
        assertThat(rooms).containsOnlyKeys("my-room", "empty");
        Participant alice = rooms.get("my-room").get(0);
        assertThat(alice.userName()).isEqualTo("Alice");
        assertThat(alice.userId()).isNull();
        assertThat(alice.joinTime()).hasToString("2026-03-27T16:37:22Z");
        assertThat(alice.durationSeconds()).isEqualTo(22L);
        assertThat(client.roomPresence("a b")).extracting(Participant::id).containsExactly("p2");
        assertThat(request(1).pathAndQuery()).isEqualTo("/v1/rooms/a%20b/presence");
    }
}
