package dev.switchboard.daily.migration;

import dev.switchboard.core.plan.ProgressListener;
import dev.switchboard.emulator.Emulator;
import dev.switchboard.emulator.server.FaultKind;
import dev.switchboard.emulator.server.FaultRule;
import dev.switchboard.emulator.server.RequestLogEntry;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The fault campaign: 200-entry migrations while the emulator injects, with seeded probabilities, 429s,
 * spurious 400s on transfers, 5xx, timeouts (held just past the client's request timeout), connection resets
 * and writes that are applied but whose answer is lost (a 500, or a dropped connection). Apply runs, then
 * is resumed (faults still on, or off) until every entry is finished; then every invariant of
 * {@link CampaignChecks} must hold, and the outcome files must match the journal after every round.
 *
 * <p>A seed fixes the domain's mix and the fault draws; at concurrency 1 a run repeats exactly, at higher
 * concurrency the arrival order (and so which request draws which fault) varies between runs.
 */
class MigrationFaultCampaignTest {
    private static final int ENTRIES = 200;
    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(400);
    private static final long TIMEOUT_HOLD_MILLIS = 550;
    private static final int FAULTY_ROUNDS = 3;
    private static final int CLEAN_ROUNDS = 3;
    private static final String TRANSFER = "POST /v1/transfer-phone-number/*";
    private static final String CREATE = "POST /v1/domain-dialin-config";

    @TempDir
    Path dir;

    /**
     * The injected faults, first match wins: transfer 400s, refused config creates, answers lost after the
     * write was applied, then the rest over every route. {@code scale} multiplies every probability.
     */
    static List<FaultRule> faults(double scale) {
        return List.of(
                FaultRule.withProbability(0.08 * scale, TRANSFER, FaultKind.SPURIOUS_400),
                FaultRule.withProbability(0.01 * scale, CREATE, FaultKind.SPURIOUS_400),
                FaultRule.withProbability(0.04 * scale, "POST *", FaultKind.APPLIED_LOST_5XX),
                FaultRule.withProbability(0.03 * scale, "POST *", FaultKind.APPLIED_LOST_RESET),
                FaultRule.withProbability(0.04 * scale, "DELETE *", FaultKind.APPLIED_LOST_5XX),
                FaultRule.withProbability(0.03 * scale, "DELETE *", FaultKind.APPLIED_LOST_RESET),
                FaultRule.withProbability(0.03 * scale, "*", FaultKind.RATE_LIMIT),
                FaultRule.withProbability(0.03 * scale, "*", FaultKind.SERVER_ERROR).withStatus(503),
                FaultRule.withProbability(0.01 * scale, "*", FaultKind.TIMEOUT).withMillis(TIMEOUT_HOLD_MILLIS),
                FaultRule.withProbability(0.02 * scale, "*", FaultKind.RESET));
    }

    /**
     * {@code retries}: the HTTP layer's retries of idempotent calls and the engine's retries of a transfer
     * found not applied; with fewer, more entries fail, roll back or stay unresolved until a resume.
     */
    @ParameterizedTest(name = "seed {0}, concurrency {1}, on failure {2}, faults during resume {3}, "
            + "fault scale {4}, retries {5}")
    @CsvSource({
            "11, 4, ROLLBACK, true, 1, 3",
            "23, 4, ROLLBACK, false, 2, 1",
            "37, 4, LEAVE, true, 2, 1",
            "41, 1, ROLLBACK, true, 2, 1",
            "53, 8, ROLLBACK, true, 3, 1"})
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void everyEntryEndsMigratedOrRestoredWithNothingLostOrDoubled(long seed, int concurrency,
                                                                  FailurePolicy.Decision onFailure,
                                                                  boolean faultsDuringResume, double scale,
                                                                  int retries) throws Exception {
        long started = System.nanoTime();
        CampaignState state = CampaignState.generate(seed, ENTRIES);
        System.out.printf("fault campaign: seed %d, concurrency %d, on failure %s, faults during resume %s, "
                + "fault scale %s, retries %d, mix %s%n", seed, concurrency, onFailure, faultsDuringResume, scale,
                retries, state.counts());
        try (Emulator emulator = Emulator.builder().seed(seed).clock(MigrationFixture.NOW).disableRateLimits()
                .stateJson(state.json()).start()) {
            MigrationClients clients = CampaignClients.create(emulator.dailyBaseUri(), CampaignState.SOURCE_KEY,
                    CampaignState.TARGET_KEY, REQUEST_TIMEOUT, CampaignClients.fastRetries(retries));
            TransferPlan plan = planEverything(clients);
            assertThat(plan.entryList()).hasSize(ENTRIES);
            MigrationAudit.Baseline baseline = MigrationAudit.capture(clients.source(), clients.target());
            MigrationOptions options = MigrationOptions.defaults().withOutcomeFilesIn(dir)
                    .withConcurrency(concurrency).withStepRetries(CampaignClients.fastRetries(retries));
            try (MigrationEngine engine = open(plan, clients, options)) {
                engine.requireFresh();
            }
            faults(scale).forEach(emulator.admin()::addFault);

            List<EntryResult> statuses = List.of();
            int round = 0;
            while (round < FAULTY_ROUNDS + CLEAN_ROUNDS && !allFinished(statuses)) {
                round++;
                if (round == (faultsDuringResume ? FAULTY_ROUNDS + 1 : 2)) {
                    emulator.admin().clearFaults();
                }
                statuses = applyRound(round, plan, clients, options, onFailure);
            }
            emulator.admin().clearFaults();

            List<RequestLogEntry> log = emulator.admin().requests();
            Map<String, Long> fired = log.stream().filter(r -> r.fault() != null)
                    .collect(Collectors.groupingBy(RequestLogEntry::fault, TreeMap::new, Collectors.counting()));
            System.out.printf("fault campaign: seed %d: %d rounds, %d requests, faults fired %s, final %s, %d ms%n",
                    seed, round, log.size(), fired, summary(statuses),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            assertThat(fired.keySet()).as("every kind of fault fired").containsAll(faults(scale).stream()
                    .map(rule -> rule.kind().wireName()).toList());
            assertThat(statuses).as("every entry finished within " + round + " rounds")
                    .allSatisfy(r -> assertThat(r.status().isFinal()).as(r.key() + " " + r.status() + ": "
                            + r.message()).isTrue());
            assertThat(CampaignChecks.placement(plan, statuses, clients.source(), clients.target())).isEmpty();
            assertThat(CampaignChecks.transfers(statuses, log)).isEmpty();
            assertThat(MigrationAudit.check(baseline, clients.source(), clients.target())).isEmpty();
        }
    }

    static TransferPlan planEverything(MigrationClients clients) {
        Discovery discovery = new Planner(clients.source(), clients.target()).discover();
        return discovery.plan(discovery.transferable().stream().map(n -> n.number()).toList(), true,
                CampaignState.ROOM_API_REPLACEMENT, MigrationFixture.NOW);
    }

    private MigrationEngine open(TransferPlan plan, MigrationClients clients, MigrationOptions options)
            throws IOException {
        return MigrationEngine.open(plan, dir.resolve("transfer_plan.journal"), clients, options);
    }

    /** One apply; returns every entry's state from the journal afterwards. */
    private List<EntryResult> applyRound(int round, TransferPlan plan, MigrationClients clients,
                                         MigrationOptions options, FailurePolicy.Decision onFailure)
            throws IOException {
        long started = System.nanoTime();
        MigrationEngine engine;
        try {
            engine = open(plan, clients, options);
        } catch (RuntimeException failure) {
            // Opening reads both domains; under faults that can fail after the HTTP layer's retries. Nothing
            // was journaled, and the next round tries again.
            System.out.printf("  round %d: could not open (%s)%n", round, failure);
            return MigrationEngine.status(plan, dir.resolve("transfer_plan.journal"));
        }
        try (engine) {
            RunReport report = engine.apply(FailurePolicy.always(onFailure), ProgressListener.none());
            List<EntryResult> statuses = engine.status();
            assertThat(report.results()).extracting(EntryResult::key, EntryResult::status).as("run vs journal")
                    .containsExactlyElementsOf(statuses.stream().map(r -> tuple(r.key(), r.status())).toList());
            assertThat(CampaignChecks.outcomeFiles(report.results(), dir)).as("outcome files after round " + round)
                    .isEmpty();
            System.out.printf("  round %d: run %s, journal %s, %d ms%n", round, report.counts(), summary(statuses),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return statuses;
        }
    }

    private static boolean allFinished(List<EntryResult> statuses) {
        return !statuses.isEmpty() && statuses.stream().allMatch(r -> r.status().isFinal());
    }

    private static Map<EntryStatus, Long> summary(List<EntryResult> statuses) {
        return statuses.stream().collect(Collectors.groupingBy(EntryResult::status, TreeMap::new,
                Collectors.counting()));
    }
}
