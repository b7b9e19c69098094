package dev.switchboard.daily.migration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.Emulator;
import dev.switchboard.emulator.server.FaultKind;
import dev.switchboard.emulator.server.FaultRule;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash campaign: apply runs in a separate JVM ({@link CrashCampaignChild}) against the emulator in
 * this JVM, and is killed with SIGKILL again and again within one migration, then run to completion. Most
 * kill points are "once the journal holds K records", K drawn from the seeded Random over the records a
 * clean run writes; the others are a random delay after the child starts applying. After every kill the
 * journal must replay and no number may be owned twice or transferred twice; after the final run, every
 * invariant of {@link CampaignChecks} and {@link MigrationAudit} must hold and every entry must be migrated.
 * Each case kills {@value #JOURNAL_KILLS} + {@value #DELAY_KILLS} times; the five cases make 60 kills.
 *
 * <p>Once a kill has left entries started, the plan is edited (a started entry changed or removed) and the
 * resume must refuse it with no request that writes; the journal's copies are then put back and the campaign
 * goes on. With faults, the plan also gives some configs another webhook than the source has, so the
 * rollbacks (kills land inside them too) must restore each config from the journal's backup, as it was
 * observed on the source, not from the plan.
 */
class MigrationCrashCampaignTest {
    private static final int ENTRIES = 40;
    private static final int JOURNAL_KILLS = 9;
    private static final int DELAY_KILLS = 3;
    private static final int MAX_DELAY_MILLIS = 150;
    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    /**
     * With {@code faults}, the target refuses some creates (so those entries roll back, and kills land inside
     * rollbacks too) and some transfers are applied but answered with a 500.
     */
    @ParameterizedTest(name = "seed {0}, concurrency {1}, faults {2}")
    @CsvSource({"101, 4, false", "202, 1, false", "303, 4, true", "404, 8, false", "505, 2, true"})
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void applyKilledAtRandomPointsFinishesWithEveryInvariantHolding(long seed, int concurrency, boolean faults)
            throws Exception {
        long started = System.nanoTime();
        Random random = new Random(seed);
        try (Emulator emulator = Emulator.builder().seed(seed).clock(MigrationFixture.NOW).disableRateLimits()
                .stateJson(CampaignState.generate(seed, ENTRIES).json()).start()) {
            MigrationClients clients = CampaignClients.create(emulator.dailyBaseUri(), CampaignState.SOURCE_KEY,
                    CampaignState.TARGET_KEY, Duration.ofSeconds(5), CampaignClients.fastRetries(3));
            TransferPlan plan = MigrationFaultCampaignTest.planEverything(clients);
            if (faults) {
                plan = withOtherWebhooks(plan, random);
            }
            Path planFile = dir.resolve("transfer_plan.json");
            PlanCodec.write(planFile, plan);
            Path journal = MigrationEngine.journalFor(planFile);
            MigrationAudit.Baseline baseline = MigrationAudit.capture(clients.source(), clients.target());
            // BEGIN and DONE per step, and each entry's start record.
            long cleanRecords = plan.entryList().stream().mapToLong(e -> 1 + 2L * EntrySteps.forward(e).size()).sum();
            List<Kill> kills = drawKills(random, cleanRecords);
            System.out.printf("crash campaign: seed %d, concurrency %d, faults %s, %d entries, %d records in a clean "
                    + "run, kill points %s%n", seed, concurrency, faults, ENTRIES, cleanRecords, kills);
            if (faults) {
                emulator.admin().addFault(FaultRule.times(2, "POST /v1/domain-dialin-config", FaultKind.SPURIOUS_400)
                        .forApiKey(CampaignState.TARGET_KEY));
                emulator.admin().addFault(FaultRule.withProbability(0.15, "POST /v1/domain-dialin-config",
                        FaultKind.SPURIOUS_400).forApiKey(CampaignState.TARGET_KEY));
                emulator.admin().addFault(FaultRule.withProbability(0.1, "POST /v1/transfer-phone-number/*",
                        FaultKind.APPLIED_LOST_5XX));
            }

            int killed = 0;
            boolean refusedEdit = false;
            for (Kill kill : kills) {
                if (!refusedEdit) {
                    refusedEdit = resumeOfAnEditedPlanIsRefused(random, seed % 2 == 0, plan, planFile, emulator);
                }
                long before = ChildApply.journalLines(journal);
                long childStarted = System.nanoTime();
                try (ChildApply child = ChildApply.start(emulator.dailyBaseUri(), planFile, concurrency)) {
                    assertThat(child.awaitApplying(CHILD_TIMEOUT)).as(child.output()).isTrue();
                    boolean reached = kill.await(child);
                    assertThat(reached).as("kill point %s reached before the child finished; child said: %s", kill,
                            child.output()).isTrue();
                    int status = child.kill();
                    assertThat(status).as("killed by SIGKILL: " + child.output()).isEqualTo(ChildApply.SIGKILL_EXIT);
                }
                killed++;
                long after = ChildApply.journalLines(journal);
                System.out.printf("  kill %d (%s): journal %d -> %d records, child ran %d ms%n", killed, kill, before,
                        after, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - childStarted));
                assertThat(afterKill(plan, journal, clients, emulator)).as("after kill " + killed).isEmpty();
            }

            long refusedCreates = emulator.admin().requests().stream()
                    .filter(r -> "spurious-400".equals(r.fault())).count();
            // The run to completion goes without faults: a SIP-only entry whose create was refused is only
            // "failed" (nothing changed) and is tried again by the next run.
            emulator.admin().clearFaults();
            try (ChildApply child = ChildApply.start(emulator.dailyBaseUri(), planFile, concurrency)) {
                assertThat(child.awaitExit(CHILD_TIMEOUT)).as(child.output()).isZero();
            }
            List<EntryResult> statuses = MigrationEngine.status(plan, journal);
            long rolledBack = statuses.stream().filter(r -> r.status() == EntryStatus.ROLLED_BACK).count();
            System.out.printf("crash campaign: seed %d: %d kills, final journal %d records, %d creates refused, %d "
                    + "rolled back, %d ms%n", seed, killed, ChildApply.journalLines(journal), refusedCreates, rolledBack,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            assertThat(killed).isEqualTo(JOURNAL_KILLS + DELAY_KILLS);
            assertThat(refusedEdit).as("a resume with an edited plan was refused").isTrue();
            assertThat(restoredAsObserved(baseline, statuses, clients)).isEmpty();
            assertThat(statuses).allSatisfy(r -> assertThat(r.status()).as(r.key() + ": " + r.message())
                    .isIn(faults ? List.of(EntryStatus.MIGRATED, EntryStatus.ROLLED_BACK) : List.of(EntryStatus.MIGRATED)));
            assertThat(refusedCreates > 0).as("creates were refused").isEqualTo(faults);
            assertThat(CampaignChecks.placement(plan, statuses, clients.source(), clients.target())).isEmpty();
            assertThat(CampaignChecks.transfers(statuses, emulator.admin().requests())).isEmpty();
            assertThat(MigrationAudit.check(baseline, clients.source(), clients.target())).isEmpty();
            if (!faults) {
                assertThat(PlanVerifier.verify(plan, clients.source(), clients.target())).allMatch(PlanVerifier.Row::ok);
            }
            // Only migrated entries: the journal cannot tell which run rolled an entry back, and a rolled-back
            // entry belongs to the failure file of that run (docs/output.md), which may have been killed.
            assertThat(CampaignChecks.outcomeFiles(statuses.stream().filter(r -> r.status() == EntryStatus.MIGRATED)
                    .toList(), dir)).isEmpty();
        }
    }

    /**
     * If the journal shows started entries: edits one of them in the plan file (its config changed when
     * {@code change} and it has one, else removed), checks that a resume refuses it (exit 3) without a request that writes, then puts the journal's
     * copies back into the file, which must give the original plan. False when nothing has started yet.
     */
    private boolean resumeOfAnEditedPlanIsRefused(Random random, boolean change, TransferPlan plan, Path planFile,
                                                  Emulator emulator) throws Exception {
        var view = MigrationEngine.readView(MigrationEngine.journalFor(planFile));
        List<PlanEntry> started = plan.entryList().stream().filter(e -> EntryStart.locked(view, e.key())
                && EntryStart.in(view, e.key()).isPresent()).toList();
        if (started.isEmpty()) {
            return false;
        }
        List<PlanEntry> withConfig = started.stream().filter(PlanEntry::hasConfig).toList();
        boolean remove = !change || withConfig.isEmpty();
        PlanEntry victim = remove ? started.get(random.nextInt(started.size()))
                : withConfig.get(random.nextInt(withConfig.size()));
        List<PlanEntry> edited = new ArrayList<>();
        for (PlanEntry entry : plan.entryList()) {
            if (entry != victim) {
                edited.add(entry);
            } else if (!remove) {
                ObjectNode config = entry.config().toJson().put("name_prefix", "edited-after-start");
                edited.add(entry.withConfig(PlannedConfig.fromJson(config)));
            }
        }
        PlanCodec.write(planFile, TransferPlan.of(plan.createdAt(), plan.source(), plan.target(), edited));
        long writesBefore = writes(emulator);
        try (ChildApply child = ChildApply.start(emulator.dailyBaseUri(), planFile, 1)) {
            assertThat(child.awaitExit(CHILD_TIMEOUT)).as(child.output()).isEqualTo(3);
            assertThat(child.output()).contains(CrashCampaignChild.REFUSED, victim.key(),
                    remove ? "removed from the plan" : "config_data.name_prefix");
        }
        assertThat(writes(emulator)).as("writes by a refused resume").isEqualTo(writesBefore);
        System.out.printf("  plan edited after start (%s %s): resume refused, no write%n", remove ? "removed" : "changed",
                victim.key());
        ObjectNode restored = PlanChanges.restored(dev.switchboard.core.json.Json.mapper().readTree(planFile.toFile()),
                MigrationEngine.readView(MigrationEngine.journalFor(planFile)));
        assertThat(PlanCodec.parse(restored.toString(), "restored").entries()).isEqualTo(plan.entries());
        PlanCodec.write(planFile, plan);
        return true;
    }

    private static long writes(Emulator emulator) {
        return emulator.admin().requests().stream().filter(r -> !r.method().equals("GET")).count();
    }

    /** About a quarter of the numbers' pinless configs get another webhook in the plan than on the source. */
    private static TransferPlan withOtherWebhooks(TransferPlan plan, Random random) {
        List<PlanEntry> entries = new ArrayList<>();
        for (PlanEntry entry : plan.entryList()) {
            PlannedConfig config = entry.config();
            if (config != null && !entry.isSipOnly() && config.targetRoomCreationApi() == null
                    && config.type() == dev.switchboard.daily.DialinType.PINLESS_DIALIN && random.nextInt(4) == 0) {
                entries.add(entry.withConfig(PlannedConfig.fromJson(config.toJson()
                        .put("room_creation_api", "https://agents.example.com/edited/" + entry.key().substring(1)))));
            } else {
                entries.add(entry);
            }
        }
        return TransferPlan.of(plan.createdAt(), plan.source(), plan.target(), entries);
    }

    /** Every rolled-back entry's configs are on the source as they were before (webhooks too), whatever the plan said. */
    private static List<String> restoredAsObserved(MigrationAudit.Baseline baseline, List<EntryResult> statuses,
                                                   MigrationClients clients) {
        DomainInventory source = DomainInventory.read(clients.source());
        List<String> problems = new ArrayList<>();
        for (EntryResult result : statuses) {
            if (result.status() != EntryStatus.ROLLED_BACK || result.entry().isSipOnly()) {
                continue;
            }
            String number = result.entry().number();
            if (!describe(source.configsFor(number)).equals(describe(baseline.source().configsFor(number)))) {
                problems.add(number + ": its configs on the source after the rollback differ from before");
            }
        }
        return problems;
    }

    private static List<String> describe(List<ObservedConfig> configs) {
        return configs.stream().map(c -> c.kind().wireName() + " " + c.config().type().wireName() + " "
                + c.config().roomCreationApi() + " " + c.config().namePrefix() + " "
                + (c.config().hmac() == null ? "none" : c.config().hmac().fingerprint()))
                .sorted().toList();
    }

    /** Where one child is killed. */
    private sealed interface Kill {
        /** Waits for the kill point; false if the child finished first. */
        boolean await(ChildApply child) throws InterruptedException;

        /** Once the journal holds {@code records} lines (the records of every run so far). */
        record AtRecord(long records) implements Kill {
            public boolean await(ChildApply child) {
                return child.awaitJournalLines(records, CHILD_TIMEOUT);
            }

            @Override
            public String toString() {
                return "record " + records;
            }
        }

        /** {@code millis} after the child starts applying. */
        record AfterDelay(long millis) implements Kill {
            public boolean await(ChildApply child) throws InterruptedException {
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
                while (System.nanoTime() < deadline && child.isAlive()) {
                    TimeUnit.NANOSECONDS.sleep(Math.min(deadline - System.nanoTime(), 1_000_000));
                }
                return child.isAlive();
            }

            @Override
            public String toString() {
                return millis + " ms";
            }
        }
    }

    /**
     * Distinct, increasing record counts spread over a clean run (every later run writes at least as many
     * records, so each is reached), with the delay kills between them, never last, so that they land while
     * most of the work is still ahead.
     */
    private static List<Kill> drawKills(Random random, long cleanRecords) {
        TreeSet<Long> records = new TreeSet<>();
        while (records.size() < JOURNAL_KILLS) {
            records.add(1 + (long) random.nextInt((int) cleanRecords - 1));
        }
        List<Kill> kills = new ArrayList<>();
        records.forEach(r -> kills.add(new Kill.AtRecord(r)));
        for (int i = 0; i < DELAY_KILLS; i++) {
            kills.add(random.nextInt(kills.size()), new Kill.AfterDelay(random.nextInt(MAX_DELAY_MILLIS)));
        }
        return kills;
    }

    /** What must hold at any moment: the journal replays, every number has one owner, none moved twice. */
    private static List<String> afterKill(TransferPlan plan, Path journal, MigrationClients clients,
                                          Emulator emulator) throws Exception {
        List<EntryResult> statuses = MigrationEngine.status(plan, journal);
        List<String> problems = new ArrayList<>(CampaignChecks.transfers(statuses, emulator.admin().requests()));
        DomainInventory source = DomainInventory.read(clients.source());
        DomainInventory target = DomainInventory.read(clients.target());
        for (PlanEntry entry : plan.entryList()) {
            if (!entry.isSipOnly() && source.owns(entry.number()) == target.owns(entry.number())) {
                problems.add(entry.number() + ": owned by " + (source.owns(entry.number()) ? "both" : "neither")
                        + " domain(s)");
            }
        }
        return problems;
    }
}
