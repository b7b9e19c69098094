package dev.switchboard.cli.transfer;

import dev.switchboard.cli.CliRun;
import dev.switchboard.core.http.RateBudgetRegistry;
import dev.switchboard.core.http.RateLimits;
import dev.switchboard.core.http.Secret;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.DailyClientOptions;
import dev.switchboard.emulator.Emulator;
import dev.switchboard.emulator.server.RequestLogEntry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** An emulator with a small source domain and an empty target, and CLI runs pointed at it. */
final class TransferCliFixture implements AutoCloseable {
    static final String SALES = "+14155550101";
    static final String PIN = "+14155550102";
    static final String LEGACY = "+14155550103";
    static final String SPARE = "+14155550104";
    static final String STATE = """
            {"clock": "2026-01-10T09:00:00Z", "daily": {"domains": [
              {"domain_name": "bots", "domain_id": "11111111-1111-4111-8111-111111111111", "api_keys": ["source-key"],
               "config": {"pinless_dialin": [
                 {"phone_number": "+14155550103", "room_creation_api": "https://hooks.example.com/legacy",
                  "hmac": "bGVnYWN5LWhtYWM="},
                 {"room_creation_api": "https://hooks.example.com/sip", "name_prefix": "pbx", "hmac": "c2lwLWhtYWM="},
                 {"phone_number": "+14155550199", "room_creation_api": "https://hooks.example.com/gone",
                  "hmac": "Z29uZS1obWFj"}]},
               "phone_numbers": [{"number": "+14155550101"}, {"number": "+14155550102"}, {"number": "+14155550103"},
                                 {"number": "+14155550104"}],
               "verified_caller_ids": [{"number": "+12125550199", "name": "Head Office"}],
               "dialin_configs": [
                 {"type": "pinless_dialin", "config": {"phone_number": "+14155550101", "name_prefix": "sales",
                   "room_creation_api": "dailybots", "hmac": "c2FsZXMtaG1hYw=="}},
                 {"type": "pin_dialin", "config": {"phone_number": "+14155550102", "name_prefix": "pin"}}]},
              {"domain_name": "pipecat", "domain_id": "22222222-2222-4222-8222-222222222222", "api_keys": ["target-key"]}
            ]}}
            """;

    static {
        RateBudgetRegistry.global().budgetFor("daily", Secret.of("source-key").fingerprint(), RateLimits.unlimited());
        RateBudgetRegistry.global().budgetFor("daily", Secret.of("target-key").fingerprint(), RateLimits.unlimited());
    }

    final Emulator emulator;
    final Path dir;
    final DailyClient source;
    final DailyClient target;

    TransferCliFixture(Path dir) {
        this.dir = dir;
        try {
            this.emulator = Emulator.builder().seed(3).clock(Instant.parse("2026-01-10T09:00:00Z")).disableRateLimits()
                    .stateJson(STATE).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DailyClientOptions options = DailyClientOptions.defaults();
        source = new DailyClient(emulator.dailyBaseUri(), Secret.of("source-key"), options);
        target = new DailyClient(emulator.dailyBaseUri(), Secret.of("target-key"), options);
    }

    /** A CLI run with both keys, the emulator's URL and fast retries. */
    CliRun cli() {
        return new CliRun(dir).env("DAILY_SOURCE_API_KEY", "source-key").env("DAILY_TARGET_API_KEY", "target-key")
                .env("DAILY_API_URL", emulator.dailyBaseUri().toString())
                .env("MAX_RETRIES", "1").env("INITIAL_DELAY", "0");
    }

    CliRun.Result plan() {
        return cli().run("transfer", "plan", "--all", "--include-sip-only", "--room-creation-api",
                "https://agents.example.com/dialin");
    }

    /**
     * Empties the request log once it holds {@code writes} write requests: the emulator logs a request
     * after answering it, so the last one may not be there yet when the client returns.
     */
    void clearRequestsAfter(int writes) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> writes().size() >= writes);
        emulator.admin().clearRequests();
    }

    List<RequestLogEntry> writes() {
        return emulator.admin().requests().stream().filter(e -> !e.method().equals("GET")).toList();
    }

    @Override
    public void close() {
        emulator.close();
    }
}
