package dev.switchboard.daily.migration;

import dev.switchboard.core.io.SecureFiles;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.journal.JournalLockedException;
import dev.switchboard.core.plan.ProgressListener;
import dev.switchboard.daily.DialinType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.switchboard.daily.migration.MigrationFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationHappyPathTest {
    @TempDir
    Path dir;

    private final MigrationFixture fixture = MigrationFixture.start();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void discoveryFindsConfigsInAllThreePlacesAndSortsTheLeftovers() {
        Discovery discovery = fixture.discover();

        assertThat(discovery.transferable()).extracting(n -> n.number()).containsExactly(MODERN_PINLESS, MODERN_PIN,
                LEGACY_PINLESS, LEGACY_PIN, NO_CONFIG, SHADOWED, DAILYBOTS);
        assertThat(discovery.callerIds()).extracting(n -> n.number()).containsExactly("+12125550199");
        assertThat(discovery.orphans()).extracting(ObservedConfig::phoneNumber).containsExactly(ORPHAN);
        assertThat(discovery.sipOnly()).extracting(c -> c.config().namePrefix()).containsExactly("trunk-a", "trunk-b");
        assertThat(discovery.conflicts()).singleElement().asString().startsWith(SHADOWED + ": the modern config")
                .contains("overrides the legacy pinless_dialin entry");
        assertThat(discovery.dailybotsPlaceholders(List.of(DAILYBOTS, MODERN_PINLESS), false)).containsExactly(DAILYBOTS);
        assertThatThrownBy(() -> discovery.plan(List.of(DAILYBOTS), false, null, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--room-creation-api");
    }

    @Test
    void planKeepsEveryFieldAndBothWebhookValuesAndRoundTripsOwnerOnly() throws Exception {
        TransferPlan plan = fixture.planEverything();
        Path file = dir.resolve("transfer_plan.json");
        PlanCodec.write(file, plan);

        assertThat(SecureFiles.isOwnerOnly(file)).isTrue();
        TransferPlan read = PlanCodec.read(file);
        assertThat(read.entries()).isEqualTo(plan.entries());
        assertThat(read.source()).isEqualTo(plan.source());
        PlanEntry bots = read.entry(DAILYBOTS);
        assertThat(bots.config().sourceRoomApi()).isEqualTo("dailybots");
        assertThat(bots.config().targetRoomApi()).isEqualTo("https://agents.example.com/dialin");
        PlanEntry legacy = read.entry(LEGACY_PINLESS);
        assertThat(legacy.srcType()).isEqualTo(SourceKind.ROOT_PINLESS);
        assertThat(legacy.config().hmac().reveal()).isEqualTo("bGVnYWN5LWhtYWM=");
        assertThat(legacy.config().sipUri()).isNotNull();
        assertThat(read.entry(SHADOWED).legacyDuplicates()).singleElement()
                .satisfies(d -> assertThat(d.hmac().reveal()).isEqualTo("c2hhZG93LWhtYWM="));
        assertThat(read.entry(NO_CONFIG).config()).isNull();
        assertThat(read.entry(MODERN_PIN).config().type()).isEqualTo(DialinType.PIN_DIALIN);
        assertThat(read.entries().keySet()).hasSize(9).allMatch(key -> read.entry(key).fingerprint().startsWith("sha256:"));
        String text = Files.readString(file);
        assertThat(Json.mapper().readTree(text).path("entries").path(MODERN_PINLESS).path("config_data").path("type")
                .asText()).isEqualTo("pinless_dialin");
    }

    @Test
    void applyMovesEveryNumberAndConfigOnceAndKeepsTheInvariants() throws Exception {
        MigrationAudit.Baseline baseline = MigrationAudit.capture(fixture.source, fixture.target);
        TransferPlan plan = fixture.planEverything();
        fixture.emulator.admin().clearRequests();

        RunReport report;
        try (MigrationEngine engine = fixture.engine(plan, dir, fixture.options(dir))) {
            engine.requireFresh();
            report = engine.apply(FailurePolicy.always(FailurePolicy.Decision.ROLLBACK), ProgressListener.none());
        }

        assertThat(report.results()).allSatisfy(r -> assertThat(r.status()).as(r.key() + " " + r.message())
                .isEqualTo(EntryStatus.MIGRATED));
        assertThat(MigrationAudit.check(baseline, fixture.source, fixture.target)).isEmpty();
        assertThat(PlanVerifier.verify(plan, fixture.source, fixture.target))
                .allSatisfy(row -> assertThat(row.problems()).as(row.key()).isEmpty());
        assertThat(fixture.appliedTransfers()).hasSize(7).allSatisfy((path, count) -> assertThat(count).isOne());
        DomainInventory source = DomainInventory.read(fixture.source);
        assertThat(source.configs()).extracting(ObservedConfig::phoneNumber).containsExactly(ORPHAN);
        assertThat(source.configs().get(0).config().hmac().reveal()).isEqualTo("b3JwaGFuLWhtYWM=");
        DomainInventory target = DomainInventory.read(fixture.target);
        assertThat(target.effectiveConfig(DAILYBOTS).orElseThrow().config().roomCreationApi())
                .isEqualTo("https://agents.example.com/dialin");
        assertThat(target.sipOnlyConfigs()).hasSize(2);
        assertThat(report.results()).filteredOn(r -> r.entry().isSipOnly())
                .allSatisfy(r -> assertThat(r.targetSipUri()).isNotBlank().isNotEqualTo(r.entry().config().sipUri()));
        assertThat(Json.mapper().readTree(dir.resolve("transfer_success.json").toFile())).hasSize(9);
        assertThat(Json.mapper().readTree(dir.resolve("transfer_failures.json").toFile())).isEmpty();
    }

    @Test
    void aSecondApplyRepeatsNothingAndASecondOpenOfTheJournalIsRefused() throws Exception {
        TransferPlan plan = fixture.planEverything();
        try (MigrationEngine engine = fixture.engine(plan, dir, fixture.options(dir))) {
            assertThatThrownBy(() -> fixture.engine(plan, dir, fixture.options(dir)))
                    .isInstanceOf(JournalLockedException.class);
            engine.apply(FailurePolicy.always(FailurePolicy.Decision.LEAVE), ProgressListener.none());
        }
        java.time.Instant secondRun = java.time.Instant.now();
        RunReport again;
        try (MigrationEngine engine = fixture.engine(plan, dir, fixture.options(dir))) {
            again = engine.apply(FailurePolicy.always(FailurePolicy.Decision.LEAVE), ProgressListener.none());
            assertThat(engine.status()).extracting(EntryResult::status).containsOnly(EntryStatus.MIGRATED);
        }
        assertThat(again.results()).allSatisfy(r -> assertThat(r.fromEarlierRun()).isTrue());
        assertThat(fixture.writesSince(secondRun)).isEmpty();
    }

    @Test
    void concurrentEntriesKeepEveryLegacyEntryAndTheInvariants() throws Exception {
        MigrationAudit.Baseline baseline = MigrationAudit.capture(fixture.source, fixture.target);
        TransferPlan plan = fixture.planEverything();
        try (MigrationEngine engine = fixture.engine(plan, dir, fixture.options(dir).withConcurrency(4))) {
            RunReport report = engine.apply(FailurePolicy.always(FailurePolicy.Decision.ROLLBACK), ProgressListener.none());
            assertThat(report.allIn(EntryStatus.MIGRATED)).as(report.toString()).isTrue();
        }
        assertThat(MigrationAudit.check(baseline, fixture.source, fixture.target)).isEmpty();
        assertThat(fixture.totalAppliedTransfers()).isEqualTo(7);
    }

    @Test
    void rollbackOfCompletedEntriesRestoresTheSourceWithTheSameHmacs() throws Exception {
        MigrationAudit.Baseline baseline = MigrationAudit.capture(fixture.source, fixture.target);
        TransferPlan plan = fixture.planEverything();
        try (MigrationEngine engine = fixture.engine(plan, dir, fixture.options(dir))) {
            engine.apply(FailurePolicy.always(FailurePolicy.Decision.LEAVE), ProgressListener.none());
            RunReport rolled = engine.rollback(List.of(), ProgressListener.none());
            assertThat(rolled.results()).allSatisfy(r -> assertThat(r.status()).as(r.key() + " " + r.message())
                    .isEqualTo(EntryStatus.ROLLED_BACK));
        }
        assertThat(MigrationAudit.check(baseline, fixture.source, fixture.target)).isEmpty();
        DomainInventory source = DomainInventory.read(fixture.source);
        assertThat(source.effectiveConfig(DAILYBOTS).orElseThrow().config().roomCreationApi()).isEqualTo("dailybots");
        assertThat(source.configsFor(SHADOWED)).hasSize(2);
        assertThat(source.configsFor(LEGACY_PINLESS)).singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(SourceKind.ROOT_PINLESS));
        assertThat(DomainInventory.read(fixture.target).configs()).isEmpty();
    }
}
