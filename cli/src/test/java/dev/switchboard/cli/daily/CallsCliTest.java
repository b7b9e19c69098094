package dev.switchboard.cli.daily;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.cli.CliRun;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.core.http.RetryPolicy;
import dev.switchboard.core.http.Secret;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.DailyClientOptions;
import dev.switchboard.daily.Room;
import dev.switchboard.daily.RoomSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.switchboard.cli.daily.NumbersCliTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CallsCliTest extends DailyCliTestBase {
    private static final String HMAC = WebhooksListenTest.EVENT_HMAC;
    private DailyClient client;

    @BeforeEach
    void connect() {
        client = new DailyClient(emulator.dailyBaseUri(), Secret.of(key),
                DailyClientOptions.defaults().withRetryPolicy(RetryPolicy.none()));
    }

    @Test
    void dialOutStartsWithACallerIdGivenAsANumberSendsDtmfAndStops() throws Exception {
        var number = emulator.admin().daily().addNumber("ops", "+14155550101");
        client.rooms().create(RoomSpec.named("agents").withDialOut(true));
        CliRun.Result started = run("daily", "calls", "dialout", "start", "--room", "agents", "--to", "+16175550123",
                "--caller-id", "+14155550101", "-o", "json");
        assertThat(started.exitCode()).as(started.toString()).isZero();
        JsonNode row = json(started);
        assertThat(row.path("caller_id").asText()).isEqualTo(number.id());
        String session = row.path("session_id").asText();
        assertThat(emulator.admin().daily().calls("ops")).singleElement()
                .satisfies(c -> assertThat(c.dailyNumber()).isEqualTo("+14155550101"));

        assertThat(run("daily", "calls", "dialout", "dtmf", "--room", "agents", "--session", session, "--tones", "9#")
                .exitCode()).isZero();
        assertThat(emulator.admin().daily().dtmfSent("ops", session)).containsExactly("9#");
        assertThat(run("daily", "calls", "dialout", "stop", "--room", "agents", "--session", session).exitCode()).isZero();
        assertThat(emulator.admin().daily().calls("ops")).isEmpty();

        CliRun.Result unknownCallerId = run("daily", "calls", "dialout", "start", "--room", "agents", "--to",
                "+16175550123", "--caller-id", "+19995550000");
        assertThat(unknownCallerId.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(requestsTo("/dialOut/start")).isEqualTo(1);
    }

    @Test
    void autoPicksReferOnlyBetweenExternalSipEndsAndExplainsTheCost() throws Exception {
        emulator.admin().daily().addNumber("ops", "+14155550101");
        client.rooms().create(RoomSpec.named("desk").withSip(1, "caller"));
        String phoneCaller = emulator.admin().daily().dialIn("ops", "+16175550100", "desk", "+14155550101");
        CliRun.Result anchored = run("daily", "calls", "transfer", "--method", "auto", "--room", "desk", "--session",
                phoneCaller, "--from", "+16175550100", "--to", "sip:agent@pbx.example.com", "-o", "json");
        assertThat(anchored.exitCode()).as(anchored.toString()).isZero();
        JsonNode row = json(anchored);
        assertThat(row.path("method").asText()).isEqualTo("sipCallTransfer");
        assertThat(row.path("reason").asText()).contains("phone network");
        assertThat(row.path("cost").asText()).contains("original PSTN leg and a new SIP leg are both billed");
        assertThat(anchored.err()).contains("method: sipCallTransfer").contains("cost:");

        String sipCaller = emulator.admin().daily().dialIn("ops", "sip:ivr@sip.example.com", "desk", null);
        CliRun.Result refer = run("daily", "calls", "transfer", "--method", "auto", "--room", "desk", "--session",
                sipCaller, "--from", "sip:ivr@sip.example.com", "--to", "sip:support@sip.elsewhere.com", "-o", "json");
        assertThat(refer.exitCode()).as(refer.toString()).isZero();
        assertThat(json(refer).path("method").asText()).isEqualTo("sipRefer");
        assertThat(json(refer).path("cost").asText()).contains("one-time SIP REFER fee");
        assertThat(requestsTo("/sipRefer")).isEqualTo(1);
        assertThat(requestsTo("/sipCallTransfer")).isEqualTo(1);
    }

    @Test
    void aReferTheRulesRuleOutIsRefusedWithTheReasonAndNothingIsSent() {
        Room roomB = client.rooms().create(RoomSpec.named("room-b").withSip(2, "caller"));
        CliRun.Result toRoom = run("daily", "calls", "refer", "--room", "room-a", "--session", "s",
                "--to", roomB.sipUri().orElseThrow());
        assertThat(toRoom.exitCode()).isEqualTo(ExitCode.PRECONDITION);
        assertThat(toRoom.err()).contains("REFER refused").contains("room-to-room").contains("calls transfer");
        CliRun.Result phoneCaller = run("daily", "calls", "refer", "--room", "room-a", "--session", "s",
                "--from", "+16175550100", "--to", "sip:support@sip.elsewhere.com");
        assertThat(phoneCaller.exitCode()).isEqualTo(ExitCode.PRECONDITION);
        assertThat(phoneCaller.err()).contains("phone network");
        CliRun.Result toNumber = run("daily", "calls", "transfer", "--method", "refer", "--room", "room-a",
                "--session", "s", "--to", "+16175550111");
        assertThat(toNumber.exitCode()).isEqualTo(ExitCode.PRECONDITION);
        assertThat(toNumber.err()).contains("SIP URIs only");
        CliRun.Result noSupport = run("daily", "calls", "refer", "--room", "room-a", "--session", "s",
                "--from", "sip:ivr@sip.example.com", "--no-refer-support", "--to", "sip:support@sip.elsewhere.com");
        assertThat(noSupport.exitCode()).isEqualTo(ExitCode.PRECONDITION);
        assertThat(requestsTo("/sipRefer") + requestsTo("/sipCallTransfer")).isZero();
    }

    @Test
    void aRoomToRoomTransferIsObservedEndToEndThroughWebhooksListen() throws Exception {
        client.rooms().create(RoomSpec.named("room-a").withSip(1, "caller"));
        Room roomB = client.rooms().create(RoomSpec.named("room-b").withSip(2, "caller"));
        try (BackgroundCli listener = new BackgroundCli(dir, Map.of("DAILY_WEBHOOK_HMAC", HMAC), "daily", "webhooks",
                "listen", "--port", "0", "--save", "events.jsonl", "-o", "json")) {
            int port = listener.awaitPort();
            CliRun.Result subscribed = cli().env("DAILY_WEBHOOK_HMAC", HMAC).run("daily", "webhooks", "create",
                    "--url", "http://127.0.0.1:" + port + "/daily", "-o", "json");
            assertThat(subscribed.exitCode()).as(subscribed.toString()).isZero();
            assertThat(json(subscribed).path("state").asText()).isEqualTo("ACTIVE");
            assertThat(listener.err()).contains("answered a verification request");

            String alice = emulator.admin().daily().dialIn("ops", "sip:alice@sip.example.com", "room-a", null);
            CliRun.Result transfer = run("daily", "calls", "transfer", "--room", "room-a", "--session", alice,
                    "--to", roomB.sipUri().orElseThrow(), "--wait", "--events", "events.jsonl", "--wait-timeout", "20",
                    "-o", "json");
            assertThat(transfer.exitCode()).as(transfer.toString()).isZero();
            JsonNode row = json(transfer);
            assertThat(row.path("outcome").asText()).isEqualTo("answered");
            assertThat(row.path("events")).extracting(JsonNode::asText).containsSubsequence(
                    "calltransfer.triggered", "participant.left", "dialin.stopped", "calltransfer.initiated",
                    "calltransfer.answered");
            assertThat(transfer.err()).contains("event:  ").contains("calltransfer.answered room=room-a");

            String landed = client.roomPresence("room-b").get(0).id();
            assertThat(emulator.admin().daily().hangUp("ops", landed)).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> listener.out().contains("calltransfer.completed"));
            List<String> types = listener.out().lines().map(line -> {
                try {
                    return NumbersCliTest.JSON.readTree(line).path("type").asText();
                } catch (Exception e) {
                    throw new IllegalStateException(line, e);
                }
            }).toList();
            assertThat(types).containsSubsequence("participant.joined", "dialin.connected", "calltransfer.triggered",
                    "calltransfer.initiated", "participant.joined", "calltransfer.answered", "participant.left",
                    "calltransfer.completed");
        }
    }

    @Test
    void aWaitedReferEndsAtInitiatedAndEmitsNoAnsweredOrCompleted() throws Exception {
        client.rooms().create(RoomSpec.named("ivr-room").withSip(1, "caller"));
        try (BackgroundCli listener = new BackgroundCli(dir, Map.of("DAILY_WEBHOOK_HMAC", HMAC), "daily", "webhooks",
                "listen", "--port", "0", "--save", "events.jsonl")) {
            int port = listener.awaitPort();
            assertThat(cli().env("DAILY_WEBHOOK_HMAC", HMAC).run("daily", "webhooks", "create", "--url",
                    "http://127.0.0.1:" + port + "/").exitCode()).isZero();
            String ivr = emulator.admin().daily().dialIn("ops", "sip:ivr@sip.example.com", "ivr-room", null);
            CliRun.Result refer = run("daily", "calls", "refer", "--room", "ivr-room", "--session", ivr,
                    "--from", "sip:ivr@sip.example.com", "--to", "sip:support@sip.elsewhere.com", "--wait",
                    "--events", "events.jsonl", "--wait-timeout", "20", "-o", "json");
            assertThat(refer.exitCode()).as(refer.toString()).isZero();
            assertThat(json(refer).path("outcome").asText()).isEqualTo("refer-sent");
            assertThat(refer.err()).contains("no answered/completed events for a REFER");

            assertThat(emulator.admin().daily().awaitWebhookDeliveries(Duration.ofSeconds(10))).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> listener.out().contains("calltransfer.initiated"));
            String saved = Files.readString(dir.resolve("events.jsonl"));
            assertThat(saved).contains("calltransfer.triggered").contains("\"is_sip_refer\":true")
                    .doesNotContain("calltransfer.answered").doesNotContain("calltransfer.completed");
            assertThat(emulator.admin().daily().calls("ops")).isEmpty();
        }
    }

    @Test
    void waitingWithoutAListenerTimesOutAsIncompleteAndDoesNotRetry() {
        client.rooms().create(RoomSpec.named("room-a").withSip(1, "caller"));
        String alice = emulator.admin().daily().dialIn("ops", "sip:alice@sip.example.com", "room-a", null);
        CliRun.Result result = run("daily", "calls", "transfer", "--room", "room-a", "--session", alice, "--to",
                "sip:bob@sip.example.com", "--wait", "--wait-timeout", "1");
        assertThat(result.exitCode()).isEqualTo(ExitCode.INCOMPLETE);
        assertThat(result.err()).contains("is 'switchboard daily webhooks listen --save daily-events.jsonl' running?");
        assertThat(requestsTo("/sipCallTransfer")).isEqualTo(1);
    }
}
