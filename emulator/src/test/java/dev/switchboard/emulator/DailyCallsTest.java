package dev.switchboard.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DailyCallsTest extends DailyTestBase {
    private WebhookSink sink;

    @BeforeEach
    void subscribe() throws Exception {
        sink = new WebhookSink();
        TestHttp.Response created = http.post(SOURCE_KEY, "/webhooks", TestHttp.json(Map.of("url", sink.url("/hook"))));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
    }

    @AfterEach
    void closeSink() {
        sink.close();
    }

    private void room(String name, boolean dialOut, int sipEndpoints) {
        Map<String, Object> properties = sipEndpoints == 0 ? Map.of("enable_dialout", dialOut)
                : Map.of("enable_dialout", dialOut, "sip", Map.of("display_name", "caller", "sip_mode", "dial-in",
                        "num_endpoints", sipEndpoints));
        TestHttp.Response created = http.post(SOURCE_KEY, "/rooms", TestHttp.json(Map.of("name", name,
                "properties", properties)));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
    }

    private List<String> events() throws InterruptedException {
        assertThat(emulator.admin().daily().awaitWebhookDeliveries(Duration.ofSeconds(10))).isTrue();
        return sink.eventTypes();
    }

    private JsonNode presence(String room) {
        return http.get(SOURCE_KEY, "/rooms/" + room + "/presence").body();
    }

    @Test
    void roomsAreCreatedWithSipEndpointsAndDeleted() {
        room("support", true, 2);
        JsonNode room = http.get(SOURCE_KEY, "/rooms/support").body();
        assertThat(room.path("config").path("enable_dialout").asBoolean()).isTrue();
        assertThat(room.path("config").path("sip_uri").path("endpoint").asText()).startsWith("support.0@daily-");
        assertThat(room.path("config").path("sip_uri").path("extra_endpoints")).hasSize(1);
        assertThat(http.post(SOURCE_KEY, "/rooms", "{\"name\":\"support\"}").status()).isEqualTo(400);
        assertThat(http.post(SOURCE_KEY, "/rooms", "{\"properties\":{\"sip\":{\"sip_mode\":\"dial-in\"}}}").status())
                .isEqualTo(400);
        assertThat(http.get(TARGET_KEY, "/rooms/support").status()).isEqualTo(404);
        TestHttp.Response deleted = http.delete(SOURCE_KEY, "/rooms/support");
        assertThat(deleted.body().path("deleted").asBoolean()).isTrue();
        assertThat(http.get(SOURCE_KEY, "/rooms/support").status()).isEqualTo(404);
    }

    @Test
    void dialOutUsesTheOldestNumberAsCallerIdSendsDtmfAndStops() throws Exception {
        emulator.admin().daily().addNumber("source", "+14155550102", START.minusSeconds(3600));
        var oldest = emulator.admin().daily().addNumber("source", "+14155550101", START.minusSeconds(7200));
        room("no-dialout", false, 0);
        room("agents", true, 0);
        String dial = "{\"phoneNumber\":\"+16175550123\"}";
        assertThat(http.post(SOURCE_KEY, "/rooms/no-dialout/dialOut/start", dial).status()).isEqualTo(400);
        assertThat(http.post(SOURCE_KEY, "/rooms/agents/dialOut/start",
                "{\"phoneNumber\":\"+16175550123\",\"callerId\":\"nope\"}").status()).isEqualTo(400);
        assertThat(http.post(SOURCE_KEY, "/rooms/agents/dialOut/start",
                "{\"phoneNumber\":\"+16175550123\",\"sipUri\":\"sip:a@b.example\"}").status()).isEqualTo(400);

        TestHttp.Response started = http.post(SOURCE_KEY, "/rooms/agents/dialOut/start", dial);
        assertThat(started.status()).isEqualTo(200);
        String session = started.text("sessionId");
        assertThat(presence("agents").path("data").get(0).path("id").asText()).isEqualTo(session);
        assertThat(http.post(SOURCE_KEY, "/rooms/agents/dialOut/sendDTMF",
                "{\"sessionId\":\"" + session + "\",\"tones\":\"12#\",\"digitDurationMs\":100}").status()).isEqualTo(200);
        assertThat(http.post(SOURCE_KEY, "/rooms/agents/dialOut/sendDTMF",
                "{\"sessionId\":\"" + session + "\",\"tones\":\"12#\",\"digitDurationMs\":10}").status()).isEqualTo(400);
        assertThat(emulator.admin().daily().dtmfSent("source", session)).containsExactly("12#");
        assertThat(http.post(SOURCE_KEY, "/rooms/agents/dialOut/stop", "{\"sessionId\":\"" + session + "\"}").status())
                .isEqualTo(200);
        assertThat(presence("agents").path("total_count").asInt()).isZero();

        assertThat(events()).containsExactly("participant.joined", "dialout.connected", "dialout.answered",
                "participant.left", "dialout.stopped");
        JsonNode connected = sink.received().stream().filter(r -> "dialout.connected".equals(r.type())).findFirst()
                .orElseThrow().json().path("payload");
        assertThat(connected.path("caller_id").asText()).isEqualTo(oldest.number());
        assertThat(connected.path("destination").asText()).isEqualTo("+16175550123");
    }

    @Test
    void roomToRoomTransferMovesTheCallerAndCompletesWhenTheFarEndHangsUp() throws Exception {
        room("room-a", false, 1);
        room("room-b", false, 2);
        String caller = emulator.admin().daily().dialIn("source", "sip:alice@sip.example.com", "room-a", null);
        String roomB = "sip:" + http.get(SOURCE_KEY, "/rooms/room-b").body().path("config").path("sip_uri")
                .path("endpoint").asText();

        TestHttp.Response transferred = http.post(SOURCE_KEY, "/rooms/room-a/sipCallTransfer",
                TestHttp.json(Map.of("sessionId", caller, "toEndPoint", roomB)));
        assertThat(transferred.status()).as(transferred.body().toString()).isEqualTo(200);
        assertThat(presence("room-a").path("total_count").asInt()).isZero();
        String landed = presence("room-b").path("data").get(0).path("id").asText();
        assertThat(events()).containsExactly("participant.joined", "dialin.connected", "calltransfer.triggered",
                "participant.left", "dialin.stopped", "calltransfer.initiated", "participant.joined",
                "calltransfer.answered");
        JsonNode triggered = sink.received().stream().filter(r -> "calltransfer.triggered".equals(r.type()))
                .findFirst().orElseThrow().json().path("payload");
        assertThat(triggered.path("is_sip_refer").asBoolean()).isFalse();
        assertThat(triggered.path("room").asText()).isEqualTo("room-a");
        assertThat(triggered.path("to_endpoint").asText()).isEqualTo(roomB);
        assertThat(triggered.path("from_endpoint").asText()).isEqualTo("sip:alice@sip.example.com");

        assertThat(emulator.admin().daily().hangUp("source", landed)).isTrue();
        List<String> all = events();
        assertThat(all.subList(8, all.size())).containsExactly("participant.left", "dialin.stopped",
                "calltransfer.completed");
    }

    @Test
    void referEmitsNoAnsweredOrCompletedAndRefusesPhoneCallsAndNumbers() throws Exception {
        emulator.admin().daily().addNumber("source", "+14155550101");
        room("ivr-room", false, 1);
        String sip = emulator.admin().daily().dialIn("source", "sip:ivr@sip.example.com", "ivr-room", null);
        String pstn = emulator.admin().daily().dialIn("source", "+16175550100", "ivr-room", "+14155550101");
        assertThat(http.post(SOURCE_KEY, "/rooms/ivr-room/sipRefer",
                TestHttp.json(Map.of("sessionId", sip, "toEndPoint", "+16175550111"))).status()).isEqualTo(400);
        assertThat(http.post(SOURCE_KEY, "/rooms/ivr-room/sipRefer",
                TestHttp.json(Map.of("sessionId", pstn, "toEndPoint", "sip:a@b.example"))).status()).isEqualTo(400);

        TestHttp.Response referred = http.post(SOURCE_KEY, "/rooms/ivr-room/sipRefer",
                TestHttp.json(Map.of("sessionId", sip, "toEndPoint", "sip:support@sip.elsewhere.com")));
        assertThat(referred.status()).isEqualTo(200);
        List<String> all = events();
        assertThat(all.subList(4, all.size())).containsExactly("calltransfer.triggered", "participant.left",
                "dialin.stopped", "calltransfer.initiated");
        assertThat(sink.received().stream().filter(r -> "calltransfer.initiated".equals(r.type())).findFirst()
                .orElseThrow().json().path("payload").path("is_sip_refer").asBoolean()).isTrue();
        assertThat(emulator.admin().daily().hangUp("source", sip)).isFalse();
        assertThat(emulator.admin().daily().calls("source")).extracting(c -> c.sessionId()).containsExactly(pstn);
    }

    @Test
    void transferToAPhoneNumberChecksTheCallerIdAndCompletesOnHangUp() throws Exception {
        var number = emulator.admin().daily().addNumber("source", "+14155550101");
        room("room-a", false, 1);
        String caller = emulator.admin().daily().dialIn("source", "+16175550100", "room-a", "+14155550101");
        assertThat(http.post(SOURCE_KEY, "/rooms/room-a/sipCallTransfer", TestHttp.json(Map.of("sessionId", caller,
                "toEndPoint", "sip:x@y.example", "callerId", number.id()))).status()).isEqualTo(400);
        assertThat(http.post(SOURCE_KEY, "/rooms/room-a/sipCallTransfer", TestHttp.json(Map.of("sessionId", caller,
                "toEndPoint", "+16175550111", "callerId", number.id()))).status()).isEqualTo(200);
        assertThat(emulator.admin().daily().hangUp("source", caller)).isTrue();
        assertThat(events()).endsWith("calltransfer.answered", "calltransfer.completed");
    }

    @Test
    void transferringANumberDropsItsLiveCall() throws Exception {
        var number = emulator.admin().daily().addNumber("source", "+14155550101");
        room("room-a", false, 1);
        String caller = emulator.admin().daily().dialIn("source", "+16175550100", "room-a", "+14155550101");
        assertThat(presence("room-a").path("total_count").asInt()).isEqualTo(1);

        TestHttp.Response moved = http.post(SOURCE_KEY, "/transfer-phone-number/" + number.id(),
                TestHttp.json(Map.of("transferDomainName", "target", "transferDomainApi", TARGET_KEY)));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(presence("room-a").path("total_count").asInt()).isZero();
        assertThat(emulator.admin().daily().calls("source")).isEmpty();
        assertThat(events()).containsExactly("participant.joined", "dialin.connected", "participant.left",
                "dialin.stopped");
        assertThat(sink.received().get(sink.received().size() - 1).json().path("payload").path("session_id").asText())
                .isEqualTo(caller);
    }
}
