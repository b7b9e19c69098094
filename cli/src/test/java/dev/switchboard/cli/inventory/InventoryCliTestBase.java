package dev.switchboard.cli.inventory;

import dev.switchboard.cli.CliRun;
import dev.switchboard.core.http.Secret;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.DailyClientOptions;
import dev.switchboard.daily.DialinConfigSpec;
import dev.switchboard.daily.LegacyPinEntry;
import dev.switchboard.daily.WebhookSpec;
import dev.switchboard.emulator.Emulator;
import dev.switchboard.signalwire.SignalWireClient;
import dev.switchboard.signalwire.SignalWireClientOptions;
import dev.switchboard.emulator.server.RequestLogEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inventory commands in process against the emulator's demo state (Daily domain "source", SignalWire
 * project "demo-project"), optionally enriched so every resource kind the inventory covers is present.
 */
abstract class InventoryCliTestBase {
    static final long SEED = 14_2026L;
    static final String DAILY_KEY = "source-key";
    static final String PROJECT = "demo-project";
    static final String TOKEN = "demo-token";
    static final String WEBHOOK_HMAC = "d2ViaG9vay1obWFjLXNlY3JldC0wMDAwMDAwMDAwMDA=";
    static final String SIP_HMAC = "c2lwLW9ubHktaG1hYy1zZWNyZXQtMDAwMDAwMDAwMDA=";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @TempDir
    Path dir;
    Emulator emulator;

    private com.sun.net.httpserver.HttpServer receiver;

    @BeforeEach
    void startEmulator() throws IOException {
        receiver = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        System.out.println("emulator seed " + SEED);
        emulator = Emulator.builder().seed(SEED).tickingClock(Instant.parse("2026-12-02T12:00:00Z"))
                .disableRateLimits().demoState().start();
        emulator.admin().signalwire().setE911Delay(java.time.Duration.ZERO);
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
        receiver.stop(0);
    }

    CliRun cli() {
        return new CliRun(dir).env("DAILY_API_KEY", DAILY_KEY).env("DAILY_API_URL", emulator.dailyBaseUri().toString())
                .env("SIGNALWIRE_SPACE_URL", emulator.signalwireSpaceUri().toString())
                .env("SIGNALWIRE_PROJECT_ID", PROJECT).env("SIGNALWIRE_API_TOKEN", TOKEN);
    }

    CliRun.Result run(String... args) {
        return cli().run(args);
    }

    /** A URL on a local receiver that answers 200 (Daily verifies a webhook URL when it is subscribed). */
    String hookUrl(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    DailyClient daily() {
        return new DailyClient(emulator.dailyBaseUri(), Secret.of(DAILY_KEY), DailyClientOptions.defaults());
    }

    SignalWireClient signalwire() {
        return new SignalWireClient(emulator.signalwireSpaceUri(), PROJECT, Secret.of(TOKEN),
                SignalWireClientOptions.defaults());
    }

    /** Adds what the demo state lacks: a webhook, a SIP-only and a pin config, a legacy pin entry, a group, E911. */
    void addEveryKind() {
        DailyClient daily = daily();
        daily.webhooks().create(new WebhookSpec(hookUrl("/daily"), List.of("dialin.connected",
                "dialin.stopped"), Secret.of(WEBHOOK_HMAC), "exponential"));
        daily.createDialinConfig(DialinConfigSpec.pinless(null, "https://example.com/sip-only", Secret.of(SIP_HMAC))
                .withNamePrefix("sip-bots"));
        daily.createDialinConfig(DialinConfigSpec.pin("+14155550105").withNamePrefix("spare-pin"));
        var config = daily.domain().config();
        daily.replaceLegacyDialin(config.pinlessDialin(), List.of(new LegacyPinEntry("+14155550103", "legacy-pin",
                null, null)));
        SignalWireClient signalwire = signalwire();
        var group = signalwire.directory().createNumberGroup("Portland", true);
        var number = signalwire.findNumber("+15035550101").orElseThrow();
        signalwire.directory().addToGroup(group.id(), number.id());
        String address = signalwire.directory().addresses(null).get(0).id();
        signalwire.assignE911Address(number.id(), address);
    }

    /** Exports to numbers.yaml (asserting success) and returns the file's text. */
    String export() throws IOException {
        CliRun.Result result = run("inventory", "export", "--out", "numbers.yaml");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return Files.readString(dir.resolve("numbers.yaml"));
    }

    List<RequestLogEntry> writes() {
        return emulator.admin().requests().stream().filter(r -> WRITES.contains(r.method())).toList();
    }
}
