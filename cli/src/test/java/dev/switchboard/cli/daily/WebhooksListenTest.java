package dev.switchboard.cli.daily;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.core.http.Secret;
import dev.switchboard.daily.WebhookVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WebhooksListenTest extends DailyCliTestBase {
    static final String EVENT_HMAC = "ZXZlbnQtaG1hYy1mb3ItbGlzdGVuLXRlc3Rz";
    static final String PINLESS_HMAC = "cGlubGVzcy1obWFjLWZvci10ZXN0cw==";
    private static final String EVENT = "{\"version\":\"1.0.0\",\"type\":\"dialin.connected\",\"id\":\"1-x\","
            + "\"payload\":{\"room\":\"room-a\",\"session_id\":\"s-1\",\"sip_from\":\"+16175550100\"},\"event_ts\":1}";

    private final HttpClient http = HttpClient.newHttpClient();
    private BackgroundCli listener;
    private int port;

    @BeforeEach
    void listen() {
        listener = new BackgroundCli(dir, Map.of("DAILY_WEBHOOK_HMAC", EVENT_HMAC, "DAILY_PINLESS_HMAC", PINLESS_HMAC),
                "daily", "webhooks", "listen", "--port", "0");
        port = listener.awaitPort();
    }

    @AfterEach
    void stop() throws InterruptedException {
        listener.close();
    }

    private int post(String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Map<String, String> signed(String prefix, String hmac, String timestamp, String body) {
        return Map.of(prefix + "-Timestamp", timestamp, prefix + "-Signature",
                WebhookVerifier.sign(Secret.of(hmac), timestamp, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void acceptsSignedEventsOnceAndRejectsForgedStaleAndReplayedOnes() throws Exception {
        String now = String.valueOf(Instant.now().getEpochSecond());
        Map<String, String> good = signed("X-Webhook", EVENT_HMAC, now, EVENT);
        assertThat(post(EVENT, good)).isEqualTo(200);
        assertThat(post(EVENT, good)).as("replay").isEqualTo(401);
        assertThat(post(EVENT, signed("X-Webhook", "Zm9yZ2Vk", now, EVENT))).as("forged").isEqualTo(401);
        String old = String.valueOf(Instant.now().minus(Duration.ofHours(1)).getEpochSecond());
        assertThat(post(EVENT, signed("X-Webhook", EVENT_HMAC, old, EVENT))).as("stale").isEqualTo(401);
        assertThat(post(EVENT, Map.of())).as("unsigned").isEqualTo(401);
        assertThat(post("{\"test\":true}", Map.of())).as("verification probe").isEqualTo(200);
        String millis = String.valueOf(Instant.now().toEpochMilli());
        String other = EVENT.replace("1-x", "2-x");
        assertThat(post(other, signed("X-Webhook", EVENT_HMAC, millis, other))).as("milliseconds").isEqualTo(200);

        await().atMost(Duration.ofSeconds(5)).until(() -> listener.err().contains("stale timestamp"));
        assertThat(listener.out().lines().filter(l -> l.contains("dialin.connected room=room-a session=s-1 "
                + "from=+16175550100"))).hasSize(2);
        assertThat(listener.err()).contains("replayed").contains("bad signature")
                .contains("missing signature or timestamp").contains("answered a verification request");
        assertThat(listener.out() + listener.err()).doesNotContain(EVENT_HMAC).doesNotContain(PINLESS_HMAC);
    }

    @Test
    void verifiesTheEmulatorsPinlessWebhook() throws Exception {
        emulator.admin().daily().addNumber("ops", "+14155550101");
        emulator.admin().daily().addDialinConfig("ops", "pinless_dialin", Map.of("phone_number", "+14155550101",
                "room_creation_api", "http://127.0.0.1:" + port + "/dialin", "hmac", PINLESS_HMAC));
        var call = emulator.admin().daily().placeInboundCall("+16175550100", "+14155550101");
        assertThat(call.webhookStatus()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.out().contains("pinless dial-in"));
        assertThat(listener.out()).contains("pinless dial-in To=+14155550101 From=+16175550100 callId=" + call.callId());

        String body = "{\"To\":\"+14155550101\"}";
        String now = String.valueOf(Instant.now().toEpochMilli());
        assertThat(post(body, signed("X-Pinless", EVENT_HMAC, now, body))).as("signed with the wrong hmac")
                .isEqualTo(401);
    }

    @Test
    void printsJsonLinesAndNeedsAnHmac() throws Exception {
        BackgroundCli json = new BackgroundCli(dir, Map.of("DAILY_WEBHOOK_HMAC", EVENT_HMAC), "daily", "webhooks",
                "listen", "--port", "0", "--max-events", "1", "-o", "json");
        int jsonPort = json.awaitPort();
        String now = String.valueOf(Instant.now().getEpochSecond());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + jsonPort + "/"))
                .POST(HttpRequest.BodyPublishers.ofString(EVENT));
        signed("X-Webhook", EVENT_HMAC, now, EVENT).forEach(request::header);
        assertThat(http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        assertThat(json.awaitExit()).isZero();
        JsonNode line = NumbersCliTest.JSON.readTree(json.out().strip());
        assertThat(line.path("type").asText()).isEqualTo("dialin.connected");
        assertThat(line.path("payload").path("session_id").asText()).isEqualTo("s-1");

        assertThat(new dev.switchboard.cli.CliRun(dir).run("daily", "webhooks", "listen", "--port", "0").exitCode())
                .isEqualTo(ExitCode.CREDENTIALS);
    }
}
