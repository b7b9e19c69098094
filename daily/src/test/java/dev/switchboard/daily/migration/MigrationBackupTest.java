package dev.switchboard.daily.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.http.Secret;
import dev.switchboard.core.io.SecureFiles;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.plan.ProgressListener;
import dev.switchboard.daily.Domain;
import dev.switchboard.daily.LegacyPinlessEntry;
import dev.switchboard.emulator.server.FaultKind;
import dev.switchboard.emulator.server.FaultRule;
import dev.switchboard.emulator.server.RequestLogEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.switchboard.daily.migration.MigrationFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The backup guarantee at the engine level (plan validation bypassed: entries are built in code): before
 * a source config is removed the journal durably holds it as observed on the source, and rollback and
 * recovery restore from that backup whatever the plan says; a plan edited after an entry started is refused
 * before any write, and a rollback still works from the journal.
 */
class MigrationBackupTest {
    private static final String NOT_BASE64 = "c2FsZXMt!!bWFj";

    @TempDir
    Path dir;

    private final MigrationFixture fixture = MigrationFixture.start();
    private final MigrationAudit.Baseline baseline = MigrationAudit.capture(fixture.source, fixture.target);

    static final class Crash extends Error {
        Crash() {
            super("simulated crash", null, false, false);
        }
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private TransferPlan planFor(String... keys) {
        TransferPlan all = fixture.planEverything();
        return TransferPlan.of(NOW, all.source(), all.target(), java.util.Arrays.stream(keys).map(all::entry).toList());
    }

    private static TransferPlan edit(TransferPlan plan, String key, java.util.function.UnaryOperator<ObjectNode> change) {
        List<PlanEntry> entries = new ArrayList<>();
        for (PlanEntry entry : plan.entryList()) {
            if (!entry.key().equals(key)) {
                entries.add(entry);
                continue;
            }
            ObjectNode config = change.apply(entry.config().toJson());
            entries.add(entry.withConfig(PlannedConfig.fromJson(config)));
        }
        return TransferPlan.of(plan.createdAt(), plan.source(), plan.target(), entries);
    }

    private static TransferPlan without(TransferPlan plan, String key) {
        return TransferPlan.of(plan.createdAt(), plan.source(), plan.target(),
                plan.entryList().stream().filter(e -> !e.key().equals(key)).toList());
    }

    private RunReport apply(TransferPlan plan, MigrationOptions options) throws IOException {
        try (MigrationEngine engine = fixture.engine(plan, dir, options)) {
            return engine.apply(FailurePolicy.always(FailurePolicy.Decision.ROLLBACK), ProgressListener.none());
        }
    }

    private RunReport rollback(TransferPlan plan, String... keys) throws IOException {
        try (MigrationEngine engine = fixture.engine(plan, dir, fixture.options(dir))) {
            return engine.rollback(List.of(keys), ProgressListener.none());
        }
    }

    /** Apply that "crashes" (as a kill would: nothing more journaled) when {@code step} reaches AFTER_DONE. */
    private void applyCrashingAfter(TransferPlan plan, String key, String step) throws IOException {
        MigrationOptions options = fixture.options(dir).withStepListener((entry, at, boundary) -> {
            if (entry.equals(key) && at.equals(step) && boundary == StepListener.Boundary.AFTER_DONE) {
                throw new Crash();
            }
        });
        try (MigrationEngine engine = fixture.engine(plan, dir, options)) {
            assertThatThrownBy(() -> engine.apply(FailurePolicy.always(FailurePolicy.Decision.ROLLBACK),
                    ProgressListener.none())).isInstanceOf(Crash.class);
        }
    }

    /** The journal file's records as JSON, read from disk (what a crash would leave). */
    private List<JsonNode> journalOnDisk() {
        try {
            List<JsonNode> records = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve("transfer_plan.journal"))) {
                records.add(Json.mapper().readTree(line));
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<JsonNode> lastStart(String key) {
        return journalOnDisk().stream().filter(r -> r.path("entry").asText().equals(key)
                && r.path("step").asText().equals("start") && r.path("phase").asText().equals("DONE"))
                .reduce((a, b) -> b);
    }

    private List<RequestLogEntry> writes() {
        return fixture.emulator.admin().requests().stream().filter(e -> !e.method().equals("GET")).toList();
    }

    @Test
    void theObservedConfigIsDurableInTheOwnerOnlyJournalBeforeTheDeleteGoesOut() throws Exception {
        TransferPlan plan = planFor(MODERN_PINLESS);
        List<JsonNode> seenBeforeDelete = new ArrayList<>();
        List<Integer> deletesBefore = new ArrayList<>();
        MigrationOptions options = fixture.options(dir).withStepListener((entry, step, boundary) -> {
            if (step.equals(Step.DELETE_SOURCE_CONFIG) && boundary == StepListener.Boundary.AFTER_BEGIN) {
                seenBeforeDelete.add(lastStart(entry).orElseThrow());
                deletesBefore.add((int) writes().stream().filter(w -> w.method().equals("DELETE")).count());
            }
        });

        assertThat(apply(plan, options).allIn(EntryStatus.MIGRATED)).isTrue();

        assertThat(deletesBefore).containsExactly(0);
        JsonNode backup = seenBeforeDelete.get(0).path("data").path("observed");
        assertThat(backup).hasSize(1);
        assertThat(backup.get(0).path("kind").asText()).isEqualTo("domain-dialin-config");
        assertThat(backup.get(0).path("config_id").asText()).isEqualTo(plan.entry(MODERN_PINLESS).configId());
        assertThat(backup.get(0).path("config").path("hmac").asText()).isEqualTo("c2FsZXMtaG1hYw==");
        assertThat(backup.get(0).path("config").path("room_creation_api").asText())
                .isEqualTo("https://hooks.example.com/sales");
        assertThat(seenBeforeDelete.get(0).path("data").path("entry").path("config_id").asText())
                .isEqualTo(plan.entry(MODERN_PINLESS).configId());
        assertThat(SecureFiles.isOwnerOnly(dir.resolve("transfer_plan.journal"))).isTrue();
    }

    /**
     * Case 1 of issue 9 with validation bypassed: the plan's hmac is not base64, so the target refuses the
     * create after the number moved and the source config was removed. The rollback restores the config
     * from the backup (its real hmac), not from the plan, so it is never on neither domain.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {MODERN_PINLESS, LEGACY_PINLESS, SHADOWED})
    void aMistypedHmacInThePlanRollsBackToTheObservedConfig(String key) throws Exception {
        TransferPlan plan = edit(planFor(key), key, config -> config.put("hmac", NOT_BASE64));

        RunReport report = apply(plan, fixture.options(dir));

        EntryResult result = report.results().get(0);
        assertThat(result.status()).as(String.valueOf(result.message())).isEqualTo(EntryStatus.ROLLED_BACK);
        assertThat(result.step()).isEqualTo(Step.CREATE_TARGET_CONFIG);
        assertThat(MigrationAudit.check(baseline, fixture.source, fixture.target)).isEmpty();
        DomainInventory source = DomainInventory.read(fixture.source);
        assertThat(source.configsFor(key)).hasSameSizeAs(baseline.source().configsFor(key));
        assertThat(EntryStart.sameConfigs(source.configsFor(key).stream().map(MigrationBackupTest::withoutId).toList(),
                baseline.source().configsFor(key).stream().map(MigrationBackupTest::withoutId).toList())).isTrue();
        assertThat(DomainInventory.read(fixture.target).configsFor(key)).isEmpty();
    }

    private static ObservedConfig withoutId(ObservedConfig config) {
        PlannedConfig c = config.config();
        return new ObservedConfig(config.kind(), null, new PlannedConfig(c.type(), c.phoneNumber(), null, c.hmac(),
                c.roomCreationApi(), null, null, c.namePrefix(), c.holdMusicUrl(), c.timeoutConfig(), c.ivrGreeting(),
                c.extra()));
    }

    @Test
    void aMistypedHmacOnASipOnlyEntryChangesNothing() throws Exception {
        TransferPlan all = fixture.planEverything();
        String modernSip = all.entryList().stream().filter(e -> e.isSipOnly() && !e.srcType().isLegacy())
                .findFirst().orElseThrow().key();
        String legacySip = all.entryList().stream().filter(e -> e.isSipOnly() && e.srcType().isLegacy())
                .findFirst().orElseThrow().key();
        TransferPlan plan = edit(edit(planFor(modernSip, legacySip), modernSip, c -> c.put("hmac", NOT_BASE64)),
                legacySip, c -> c.put("hmac", NOT_BASE64));

        RunReport report = apply(plan, fixture.options(dir));

        assertThat(report.results()).extracting(EntryResult::status).containsOnly(EntryStatus.FAILED);
        assertThat(MigrationAudit.check(baseline, fixture.source, fixture.target)).isEmpty();
        assertThat(writes()).allSatisfy(w -> assertThat(w.status()).isEqualTo(400));
    }

    @Test
    void aLegacyEntryChangedAfterItWasObservedIsBackedUpAsTheRewriteFindsIt() throws Exception {
        TransferPlan plan = planFor(LEGACY_PINLESS);
        fixture.emulator.admin().addFault(FaultRule.times(1, "POST /v1/domain-dialin-config", FaultKind.SPURIOUS_400)
                .forApiKey("target-key"));
        RunReport report;
        try (MigrationEngine engine = fixture.engine(plan, dir, fixture.options(dir))) {
            engine.requireFresh();
            Domain domain = fixture.source.domain();
            fixture.source.replaceLegacyDialin(domain.config().pinlessDialin().stream().map(e ->
                    LEGACY_PINLESS.equals(e.phoneNumber()) ? new LegacyPinlessEntry(e.phoneNumber(), null, e.hmac(),
                            "https://hooks.example.com/changed", e.namePrefix(), e.holdMusicUrl(), e.timeoutConfig(),
                            e.extra()) : e).toList(), domain.config().pinDialin());
            report = engine.apply(FailurePolicy.always(FailurePolicy.Decision.ROLLBACK), ProgressListener.none());
        }

        assertThat(report.results().get(0).status()).isEqualTo(EntryStatus.ROLLED_BACK);
        List<ObservedConfig> restored = DomainInventory.read(fixture.source).configsFor(LEGACY_PINLESS);
        assertThat(restored).singleElement().satisfies(c -> {
            assertThat(c.config().roomCreationApi()).isEqualTo("https://hooks.example.com/changed");
            assertThat(c.config().hmac()).isEqualTo(Secret.of("bGVnYWN5LWhtYWM="));
        });
        assertThat(lastStart(LEGACY_PINLESS).orElseThrow().path("data").path("observed").get(0).path("config")
                .path("room_creation_api").asText()).isEqualTo("https://hooks.example.com/changed");
    }

    @Test
    void aStartedEntryChangedInThePlanIsRefusedBeforeAnyWriteAndRollsBackFromTheJournal() throws Exception {
        TransferPlan plan = planFor(MODERN_PINLESS, LEGACY_PIN);
        applyCrashingAfter(plan, MODERN_PINLESS, Step.DELETE_SOURCE_CONFIG);
        TransferPlan edited = edit(plan, MODERN_PINLESS, c -> c.put("hmac", "ZWRpdGVkLWhtYWM=")
                .put("room_creation_api", "https://evil.example.com/"));
        int writesBefore = writes().size();

        try (MigrationEngine engine = fixture.engine(edited, dir, fixture.options(dir))) {
            assertThat(engine.planChanges()).singleElement().satisfies(problem -> {
                assertThat(problem.entry()).isEqualTo(MODERN_PINLESS);
                assertThat(problem.message()).contains("config_data.hmac", "config_data.room_creation_api")
                        .doesNotContain("ZWRpdGVk", "evil");
            });
            assertThatThrownBy(() -> engine.apply(FailurePolicy.always(FailurePolicy.Decision.ROLLBACK),
                    ProgressListener.none())).isInstanceOfSatisfying(InvalidPlanException.class, e -> {
                        assertThat(e.stale()).isTrue();
                        assertThat(e.getMessage()).contains(MODERN_PINLESS, "--restore-plan");
                    });
        }
        assertThat(writes()).hasSize(writesBefore);

        RunReport rolled = rollback(edited, MODERN_PINLESS);

        assertThat(rolled.results()).singleElement().extracting(EntryResult::status).isEqualTo(EntryStatus.ROLLED_BACK);
        assertThat(MigrationAudit.check(baseline, fixture.source, fixture.target)).isEmpty();
        ObservedConfig restored = DomainInventory.read(fixture.source).effectiveConfig(MODERN_PINLESS).orElseThrow();
        assertThat(restored.config().roomCreationApi()).isEqualTo("https://hooks.example.com/sales");
        assertThat(restored.config().hmac()).isEqualTo(Secret.of("c2FsZXMtaG1hYw=="));
    }

    @Test
    void aStartedEntryRemovedFromThePlanIsRefusedAndStillRolledBack() throws Exception {
        TransferPlan plan = planFor(MODERN_PINLESS, LEGACY_PIN);
        applyCrashingAfter(plan, MODERN_PINLESS, Step.DELETE_SOURCE_CONFIG);
        TransferPlan shortened = without(plan, MODERN_PINLESS);
        int writesBefore = writes().size();

        try (MigrationEngine engine = fixture.engine(shortened, dir, fixture.options(dir))) {
            assertThat(engine.planChanges()).singleElement().satisfies(problem ->
                    assertThat(problem.toString()).contains(MODERN_PINLESS, "removed from the plan"));
            assertThat(engine.status()).extracting(EntryResult::key).contains(MODERN_PINLESS);
            assertThatThrownBy(() -> engine.apply(FailurePolicy.always(FailurePolicy.Decision.ROLLBACK),
                    ProgressListener.none())).isInstanceOf(InvalidPlanException.class);
        }
        assertThat(writes()).hasSize(writesBefore);

        RunReport rolled = rollback(shortened, MODERN_PINLESS);

        assertThat(rolled.results()).singleElement().extracting(EntryResult::status).isEqualTo(EntryStatus.ROLLED_BACK);
        assertThat(MigrationAudit.check(baseline, fixture.source, fixture.target)).isEmpty();
    }

    @Test
    void aPlanRebuiltFromTheJournalHoldsTheStartedEntriesAsTheyStarted() throws Exception {
        TransferPlan plan = planFor(MODERN_PINLESS, LEGACY_PIN);
        applyCrashingAfter(plan, MODERN_PINLESS, Step.TRANSFER);
        var view = MigrationEngine.readView(dir.resolve("transfer_plan.journal"));

        TransferPlan rebuilt = PlanChanges.fromJournal(view).orElseThrow();
        ObjectNode restored = PlanChanges.restored(null, view);

        assertThat(rebuilt.entries()).containsOnlyKeys(MODERN_PINLESS);
        assertThat(PlanCodec.entry(rebuilt.entry(MODERN_PINLESS))).isEqualTo(PlanCodec.entry(plan.entry(MODERN_PINLESS)));
        assertThat(rebuilt.source()).isEqualTo(plan.source());
        assertThat(PlanCodec.parse(restored.toString(), "restored").entry(MODERN_PINLESS))
                .isEqualTo(plan.entry(MODERN_PINLESS));
    }

    @Test
    void anEntryWhoseSourceCannotBeReadIsNotStartedAndResumesLater() throws Exception {
        TransferPlan plan = planFor(MODERN_PINLESS);
        fixture.emulator.admin().addFault(FaultRule.times(30, "GET /v1/domain-dialin-config", FaultKind.SERVER_ERROR));

        RunReport unread = apply(plan, fixture.options(dir));

        assertThat(unread.results()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(EntryStatus.PENDING);
            assertThat(r.message()).contains("could not read the source", "nothing was changed");
        });
        assertThat(unread.resumable()).isTrue();
        assertThat(writes()).isEmpty();
        fixture.emulator.admin().clearFaults();
        assertThat(apply(plan, fixture.options(dir)).allIn(EntryStatus.MIGRATED)).isTrue();
        assertThat(MigrationAudit.check(baseline, fixture.source, fixture.target)).isEmpty();
    }

    /**
     * Case 3 of issue 9: a plan in the original's flat format cannot name the legacy entry a modern config
     * overrides. Apply observes it, removes it with the number (so verify agrees with apply) and a rollback
     * restores it from the backup.
     */
    @Test
    void aLegacyDuplicateTheFlatPlanCannotNameIsObservedMovedAndRestored() throws Exception {
        PlanEntry full = planFor(SHADOWED).entry(SHADOWED);
        PlanEntry flat = new PlanEntry(full.key(), full.sourcePhoneId(), full.srcType(), full.configId(), full.config(),
                List.of(), null);
        TransferPlan plan = new TransferPlan(null, null, null, null, Map.of(SHADOWED, flat));

        RunReport report = apply(plan, fixture.options(dir));

        assertThat(report.allIn(EntryStatus.MIGRATED)).as(report.toString()).isTrue();
        assertThat(PlanVerifier.verify(plan, fixture.source, fixture.target)).allMatch(PlanVerifier.Row::ok);
        assertThat(DomainInventory.read(fixture.source).configsFor(SHADOWED)).isEmpty();

        assertThat(rollback(plan, SHADOWED).allIn(EntryStatus.ROLLED_BACK)).isTrue();
        assertThat(MigrationAudit.check(baseline, fixture.source, fixture.target)).isEmpty();
        assertThat(DomainInventory.read(fixture.source).configsFor(SHADOWED)).extracting(ObservedConfig::kind)
                .containsExactlyInAnyOrder(SourceKind.DOMAIN_DIALIN_CONFIG, SourceKind.ROOT_PINLESS);
    }

    @Test
    void aFlatPlanThatMovesTheOverriddenLegacyEntryInsteadOfTheRoutingConfigChangesNothing() throws Exception {
        PlanEntry full = planFor(SHADOWED).entry(SHADOWED);
        PlanEntry wrong = new PlanEntry(full.key(), full.sourcePhoneId(), SourceKind.ROOT_PINLESS, null,
                full.legacyDuplicates().get(0), List.of(), null);
        TransferPlan plan = new TransferPlan(null, null, null, null, Map.of(SHADOWED, wrong));

        RunReport report = apply(plan, fixture.options(dir));

        assertThat(report.results()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(EntryStatus.FAILED);
            assertThat(r.step()).isEqualTo("start");
            assertThat(r.message()).contains("routes this number with the modern config");
        });
        assertThat(writes()).isEmpty();
        assertThat(MigrationAudit.check(baseline, fixture.source, fixture.target)).isEmpty();
    }
}
