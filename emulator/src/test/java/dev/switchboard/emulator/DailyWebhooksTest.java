package dev.switchboard.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DailyWebhooksTest extends DailyTestBase {
    private static final String HMAC = "c2VjcmV0LWZvci10ZXN0cw==";

    @Test
    void createProbesTheUrlAndSignsEveryDelivery() throws Exception {
        try (WebhookSink sink = new WebhookSink()) {
            sink.answer(500);
            TestHttp.Response refused = http.post(SOURCE_KEY, "/webhooks", TestHttp.json(Map.of("url", sink.url("/h"))));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(http.get(SOURCE_KEY, "/webhooks").body()).isEmpty();
            assertThat(http.post(SOURCE_KEY, "/webhooks", TestHttp.json(Map.of("url", sink.url("/h"),
                    "hmac", "not base64!"))).status()).isEqualTo(400);
            assertThat(http.post(SOURCE_KEY, "/webhooks", TestHttp.json(Map.of("url", sink.url("/h"),
                    "eventTypes", List.of("no.such")))).status()).isEqualTo(400);

            sink.answer(200);
            TestHttp.Response created = http.post(SOURCE_KEY, "/webhooks", TestHttp.json(Map.of("url", sink.url("/h"),
                    "hmac", HMAC, "eventTypes", List.of("dialin.connected"))));
            assertThat(created.status()).isEqualTo(200);
            String uuid = created.text("uuid");
            assertThat(created.text("state")).isEqualTo("ACTIVE");
            assertThat(http.get(SOURCE_KEY, "/webhooks/" + uuid).text("hmac")).isEqualTo(HMAC);
            assertThat(http.get(TARGET_KEY, "/webhooks/" + uuid).status()).isEqualTo(404);
            assertThat(sink.received().get(sink.received().size() - 1).json().path("test").asBoolean()).isTrue();

            http.post(SOURCE_KEY, "/rooms", "{\"name\":\"r\"}");
            emulator.admin().daily().dialIn("source", "sip:a@b.example", "r", null);
            assertThat(emulator.admin().daily().awaitWebhookDeliveries(Duration.ofSeconds(10))).isTrue();
            assertThat(sink.eventTypes()).containsExactly("dialin.connected");
            WebhookSink.Received event = sink.received().get(sink.received().size() - 1);
            assertThat(event.timestamp()).isEqualTo(String.valueOf(START.getEpochSecond()));
            assertThat(event.signature()).isEqualTo(WebhookSink.sign(HMAC, event.timestamp(), event.body()));
            JsonNode envelope = event.json();
            assertThat(envelope.path("version").asText()).isEqualTo("1.0.0");
            assertThat(envelope.path("event_ts").asDouble()).isEqualTo(START.getEpochSecond());
            assertThat(envelope.path("payload").path("sip_from").asText()).isEqualTo("sip:a@b.example");

            assertThat(http.delete(SOURCE_KEY, "/webhooks/" + uuid).status()).isEqualTo(200);
            assertThat(http.get(SOURCE_KEY, "/webhooks/" + uuid).status()).isEqualTo(404);
        }
    }

    @Test
    void theCircuitBreakerTripsAfterThreeFailuresAndAnUpdateRearmsIt() throws Exception {
        try (WebhookSink sink = new WebhookSink()) {
            String uuid = http.post(SOURCE_KEY, "/webhooks", TestHttp.json(Map.of("url", sink.url("/h")))).text("uuid");
            http.post(SOURCE_KEY, "/rooms", "{\"name\":\"r\"}");
            sink.answer(503);
            for (int i = 0; i < 4; i++) {
                emulator.admin().daily().hangUp("source",
                        emulator.admin().daily().dialIn("source", "sip:a@b.example", "r", null));
            }
            assertThat(emulator.admin().daily().awaitWebhookDeliveries(Duration.ofSeconds(10))).isTrue();
            assertThat(http.get(SOURCE_KEY, "/webhooks/" + uuid).text("state")).isEqualTo("FAILED");
            // three failures in a row trip it; every later event is skipped (-1) instead of sent
            var statuses = emulator.admin().daily().webhookDeliveries().stream().map(d -> d.status()).toList();
            assertThat(statuses.subList(0, 3)).containsExactly(503, 503, 503);
            assertThat(statuses.subList(3, statuses.size())).isNotEmpty().containsOnly(-1);
            sink.answer(200);
            TestHttp.Response rearmed = http.post(SOURCE_KEY, "/webhooks/" + uuid, "{}");
            assertThat(rearmed.text("state")).isEqualTo("ACTIVE");
            assertThat(rearmed.get("failedCount").asInt()).isZero();
        }
    }

    @Test
    void anInboundCallCallsRoomCreationApiSignedAndPinlessCallUpdateConnectsIt() throws Exception {
        try (WebhookSink app = new WebhookSink()) {
            emulator.admin().daily().addNumber("source", "+14155550101");
            emulator.admin().daily().addDialinConfig("source", "pinless_dialin", Map.of("phone_number", "+14155550101",
                    "room_creation_api", app.url("/dialin"), "hmac", HMAC));
            http.post(SOURCE_KEY, "/rooms", TestHttp.json(Map.of("name", "agent", "properties",
                    Map.of("sip", Map.of("display_name", "caller", "sip_mode", "dial-in")))));
            var call = emulator.admin().daily().placeInboundCall("+16175550100", "+14155550101");
            assertThat(call.webhookStatus()).isEqualTo(200);

            WebhookSink.Received hook = app.received().get(0);
            assertThat(hook.pinlessTimestamp()).isEqualTo(String.valueOf(START.toEpochMilli()));
            assertThat(hook.pinlessSignature()).isEqualTo(WebhookSink.sign(HMAC, hook.pinlessTimestamp(), hook.body()));
            assertThat(hook.json().path("callId").asText()).isEqualTo(call.callId());
            assertThat(hook.json().path("From").asText()).isEqualTo("+16175550100");

            String endpoint = http.get(SOURCE_KEY, "/rooms/agent").body().path("config").path("sip_uri")
                    .path("endpoint").asText();
            TestHttp.Response connected = http.post(SOURCE_KEY, "/dialin/pinlessCallUpdate", TestHttp.json(Map.of(
                    "callId", call.callId(), "callDomain", call.callDomain(), "sipUri", "sip:" + endpoint)));
            assertThat(connected.status()).isEqualTo(200);
            assertThat(emulator.admin().daily().calls("source")).singleElement()
                    .satisfies(c -> assertThat(c.dailyNumber()).isEqualTo("+14155550101"));
            assertThat(http.post(SOURCE_KEY, "/dialin/pinlessCallUpdate", TestHttp.json(Map.of(
                    "callId", call.callId(), "callDomain", call.callDomain(), "sipUri", endpoint))).status())
                    .isEqualTo(404);
        }
    }
}
