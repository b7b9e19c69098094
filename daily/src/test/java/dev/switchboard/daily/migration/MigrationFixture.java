package dev.switchboard.daily.migration;

import dev.switchboard.core.http.RateBudgetRegistry;
import dev.switchboard.core.http.RateLimits;
import dev.switchboard.core.http.RetryPolicy;
import dev.switchboard.core.http.Secret;
import dev.switchboard.core.http.Sleeper;
import dev.switchboard.core.http.Ticker;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.DailyClientOptions;
import dev.switchboard.emulator.Emulator;
import dev.switchboard.emulator.server.RequestLogEntry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An emulator with a source domain holding one of every kind of entry and an empty target, clients for
 * both (no client-side rate limit, no real sleeps), and request-log helpers.
 */
final class MigrationFixture implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-01-10T09:00:00Z");
    static final String MODERN_PINLESS = "+14155550101";
    static final String MODERN_PIN = "+14155550102";
    static final String LEGACY_PINLESS = "+14155550103";
    static final String LEGACY_PIN = "+14155550104";
    static final String NO_CONFIG = "+14155550105";
    static final String SHADOWED = "+14155550106";
    static final String DAILYBOTS = "+14155550107";
    static final String ORPHAN = "+14155550199";
    static final String SIP_MODERN_HMAC = "c2lwLW1vZGVybi1obWFj";
    static final String SIP_LEGACY_HMAC = "c2lwLWxlZ2FjeS1obWFj";

    /** The source: every kind of config, an orphan, a verified caller ID; the target: one unrelated number. */
    static final String STATE = """
            {"clock": "2026-01-10T09:00:00Z", "daily": {"domains": [
              {"domain_name": "source", "domain_id": "11111111-1111-4111-8111-111111111111", "api_keys": ["source-key"],
               "config": {
                 "pinless_dialin": [
                   {"phone_number": "+14155550103", "room_creation_api": "https://hooks.example.com/legacy",
                    "name_prefix": "legacy", "hmac": "bGVnYWN5LWhtYWM=", "timeout_config": {"message": "later"}},
                   {"phone_number": "+14155550106", "room_creation_api": "https://hooks.example.com/shadow",
                    "hmac": "c2hhZG93LWhtYWM="},
                   {"room_creation_api": "https://hooks.example.com/sip-legacy", "name_prefix": "trunk-b",
                    "hmac": "c2lwLWxlZ2FjeS1obWFj"},
                   {"phone_number": "+14155550199", "room_creation_api": "https://hooks.example.com/orphan",
                    "hmac": "b3JwaGFuLWhtYWM="}
                 ],
                 "pin_dialin": [
                   {"phone_number": "+14155550104", "name_prefix": "pins", "ivr_greeting": {"message": "code?"}}
                 ]
               },
               "phone_numbers": [
                 {"number": "+14155550101", "name": "Sales"}, {"number": "+14155550102", "name": "Pin line"},
                 {"number": "+14155550103", "name": "Legacy"}, {"number": "+14155550104", "name": "Legacy pin"},
                 {"number": "+14155550105", "name": "Spare"}, {"number": "+14155550106", "name": "Shadowed"},
                 {"number": "+14155550107", "name": "Bots"}
               ],
               "verified_caller_ids": [{"number": "+12125550199", "name": "Head Office"}],
               "dialin_configs": [
                 {"type": "pinless_dialin", "config": {"phone_number": "+14155550101", "name_prefix": "sales",
                   "room_creation_api": "https://hooks.example.com/sales", "hmac": "c2FsZXMtaG1hYw==",
                   "hold_music_url": "https://hooks.example.com/hold.mp3", "timeout_config": {"message": "busy"}}},
                 {"type": "pin_dialin", "config": {"phone_number": "+14155550102", "name_prefix": "pin",
                   "ivr_greeting": {"message": "enter the code"}}},
                 {"type": "pinless_dialin", "config": {"phone_number": "+14155550106", "name_prefix": "modern",
                   "room_creation_api": "https://hooks.example.com/modern", "hmac": "bW9kZXJuLWhtYWM="}},
                 {"type": "pinless_dialin", "config": {"phone_number": "+14155550107",
                   "room_creation_api": "dailybots", "hmac": "Ym90cy1obWFj"}},
                 {"type": "pinless_dialin", "config": {"name_prefix": "trunk-a",
                   "room_creation_api": "https://hooks.example.com/sip", "hmac": "c2lwLW1vZGVybi1obWFj"}}
               ]},
              {"domain_name": "target", "domain_id": "22222222-2222-4222-8222-222222222222", "api_keys": ["target-key"],
               "phone_numbers": [{"number": "+16175550201", "name": "Target main"}]}
            ]}}
            """;

    final Emulator emulator;
    final DailyClient source;
    final DailyClient target;
    final MigrationClients clients;
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final List<Duration> sleeps = new ArrayList<>();

    private MigrationFixture(Emulator emulator) {
        this.emulator = emulator;
        RateBudgetRegistry budgets = new RateBudgetRegistry(Ticker.system(), Sleeper.system());
        DailyClientOptions options = DailyClientOptions.defaults()
                .withRetryPolicy(new RetryPolicy(2, Duration.ZERO, 2.0, Duration.ZERO, Duration.ZERO))
                .withRateBudgets(budgets)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));
        Secret sourceKey = Secret.of("source-key");
        Secret targetKey = Secret.of("target-key");
        budgets.budgetFor("daily", sourceKey.fingerprint(), RateLimits.unlimited());
        budgets.budgetFor("daily", targetKey.fingerprint(), RateLimits.unlimited());
        this.source = new DailyClient(emulator.dailyBaseUri(), sourceKey, options);
        this.target = new DailyClient(emulator.dailyBaseUri(), targetKey, options);
        this.clients = new MigrationClients(source, sourceKey, target, targetKey);
    }

    static MigrationFixture start() {
        return start(STATE);
    }

    static MigrationFixture start(String state) {
        try {
            return new MigrationFixture(Emulator.builder().seed(7).clock(NOW).disableRateLimits()
                    .stateJson(state).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Discovery discover() {
        return new Planner(source, target).discover();
    }

    /** Every number and every SIP-only config, the dailybots placeholder replaced. */
    TransferPlan planEverything() {
        Discovery discovery = discover();
        return discovery.plan(discovery.transferable().stream().map(n -> n.number()).toList(), true,
                "https://agents.example.com/dialin", NOW);
    }

    /** Options writing outcome files into {@code dir}, recording sleeps instead of sleeping. */
    MigrationOptions options(Path dir) {
        return MigrationOptions.defaults().withOutcomeFilesIn(dir)
                .withTiming(duration -> sleeps.add(duration), clock);
    }

    MigrationEngine engine(TransferPlan plan, Path dir, MigrationOptions options) throws IOException {
        return MigrationEngine.open(plan, dir.resolve("transfer_plan.journal"), clients, options);
    }

    /** Applied transfers per request path (a 200, or a fault that applies the request). */
    Map<String, Integer> appliedTransfers() {
        Map<String, Integer> byPath = new TreeMap<>();
        for (RequestLogEntry entry : emulator.admin().requests()) {
            boolean applied = entry.status() == 200 || "applied-lost-5xx".equals(entry.fault())
                    || "applied-lost-reset".equals(entry.fault());
            if (entry.method().equals("POST") && entry.path().startsWith("/v1/transfer-phone-number/") && applied) {
                byPath.merge(entry.path(), 1, Integer::sum);
            }
        }
        return byPath;
    }

    int totalAppliedTransfers() {
        return appliedTransfers().values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Requests other than GET (writes) that arrived at or after {@code since}. By arrival time, because the
     * emulator logs a request only after answering it, so clearing the log could race with the last one.
     */
    List<RequestLogEntry> writesSince(Instant since) {
        return emulator.admin().requests().stream()
                .filter(e -> !e.method().equals("GET") && !e.at().isBefore(since)).toList();
    }

    @Override
    public void close() {
        emulator.close();
    }
}
