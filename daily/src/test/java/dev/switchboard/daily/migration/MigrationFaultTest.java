package dev.switchboard.daily.migration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.http.RetryPolicy;
import dev.switchboard.core.io.SecureFiles;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.journal.Phase;
import dev.switchboard.core.plan.ProgressListener;
import dev.switchboard.emulator.server.FaultKind;
import dev.switchboard.emulator.server.FaultRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.switchboard.daily.migration.MigrationFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Provider failures at every step, injected by the emulator; ambiguous outcomes are settled by reading state. */
class MigrationFaultTest {
    private static final String TRANSFER = "POST /v1/transfer-phone-number/*";
    private static final String CREATE = "POST /v1/domain-dialin-config";

    @TempDir
    Path dir;

    private final MigrationFixture fixture = MigrationFixture.start();
    private final MigrationAudit.Baseline baseline = MigrationAudit.capture(fixture.source, fixture.target);

    @AfterEach
    void stop() {
        fixture.close();
    }

    private TransferPlan planFor(String... keys) {
        TransferPlan all = fixture.planEverything();
        return TransferPlan.of(NOW, all.source(), all.target(), java.util.Arrays.stream(keys).map(all::entry).toList());
    }

    private RunReport apply(TransferPlan plan, FailurePolicy.Decision decision, MigrationOptions options)
            throws IOException {
        try (MigrationEngine engine = fixture.engine(plan, dir, options)) {
            return engine.apply(FailurePolicy.always(decision), ProgressListener.none());
        }
    }

    private RunReport apply(TransferPlan plan, FailurePolicy.Decision decision) throws IOException {
        return apply(plan, decision, fixture.options(dir));
    }

    private void fault(int count, String route, FaultKind kind, String key) {
        FaultRule rule = FaultRule.times(count, route, kind);
        fixture.emulator.admin().addFault(key == null ? rule : rule.forApiKey(key));
    }

    private JsonNode failures() throws IOException {
        Path file = dir.resolve("transfer_failures.json");
        assertThat(SecureFiles.isOwnerOnly(file)).isTrue();
        return Json.mapper().readTree(file.toFile());
    }

    @Test
    void aTransferAppliedButAnsweredWith500IsReconciledAsDoneAndNotResent() throws Exception {
        fault(1, TRANSFER, FaultKind.APPLIED_LOST_5XX, null);
        TransferPlan plan = planFor(MODERN_PINLESS);

        RunReport report = apply(plan, FailurePolicy.Decision.ROLLBACK);

        assertThat(report.allIn(EntryStatus.MIGRATED)).as(report.toString()).isTrue();
        assertThat(fixture.totalAppliedTransfers()).isOne();
        assertThat(fixture.emulator.admin().requests()).filteredOn(e -> e.path().startsWith("/v1/transfer"))
                .hasSize(1);
        assertThat(MigrationAudit.check(baseline, fixture.source, fixture.target)).isEmpty();
        try (MigrationEngine engine = fixture.engine(plan, dir, fixture.options(dir))) {
            assertThat(engine.status()).singleElement().extracting(EntryResult::newPhoneId).isNotNull();
        }
    }

    @Test
    void aSpurious400OnTransferIsCheckedThenRetriedWithBackoff() throws Exception {
        fault(2, TRANSFER, FaultKind.SPURIOUS_400, null);

        RunReport report = apply(planFor(MODERN_PINLESS), FailurePolicy.Decision.ROLLBACK);

        assertThat(report.allIn(EntryStatus.MIGRATED)).isTrue();
        assertThat(fixture.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(fixture.totalAppliedTransfers()).isOne();
        assertThat(MigrationAudit.check(baseline, fixture.source, fixture.target)).isEmpty();
    }

    @Test
    void aTransferThatKeepsFailingFailsCleanlyWithTheNumberStillOnTheSource() throws Exception {
        fault(10, TRANSFER, FaultKind.SPURIOUS_400, null);
        MigrationOptions options = fixture.options(dir).withStepRetries(RetryPolicy.defaults().withMaxRetries(1));

        RunReport report = apply(planFor(MODERN_PINLESS, LEGACY_PIN), FailurePolicy.Decision.ROLLBACK, options);

        assertThat(report.results()).extracting(EntryResult::status).containsOnly(EntryStatus.FAILED);
        assertThat(fixture.totalAppliedTransfers()).isZero();
        assertThat(MigrationAudit.check(baseline, fixture.source, fixture.target)).isEmpty();
        JsonNode failure = failures().get(0);
        assertThat(failure.path("status").asText()).isEqualTo("failed");
        assertThat(failure.path("step").asText()).isEqualTo("transfer");
        assertThat(failure.path("number_on").asText()).isEqualTo("source");
        assertThat(failure.path("error").asText()).contains("400");

        fixture.emulator.admin().clearFaults();
        assertThat(apply(planFor(MODERN_PINLESS, LEGACY_PIN), FailurePolicy.Decision.ROLLBACK).allIn(EntryStatus.MIGRATED))
                .isTrue();
        assertThat(fixture.totalAppliedTransfers()).isEqualTo(2);
    }

    @Test
    void aRefusedTargetCreateRollsTheEntryBackWithItsHmac() throws Exception {
        fault(1, CREATE, FaultKind.SPURIOUS_400, "target-key");

        RunReport report = apply(planFor(MODERN_PINLESS), FailurePolicy.Decision.ROLLBACK);

        EntryResult result = report.results().get(0);
        assertThat(result.status()).isEqualTo(EntryStatus.ROLLED_BACK);
        assertThat(result.step()).isEqualTo("create-target-config");
        assertThat(result.restoredPhoneId()).isNotNull().isNotEqualTo(result.entry().sourcePhoneId());
        assertThat(MigrationAudit.check(baseline, fixture.source, fixture.target)).isEmpty();
        assertThat(fixture.totalAppliedTransfers()).isEqualTo(2);
        JsonNode failure = failures().get(0);
        assertThat(failure.path("status").asText()).isEqualTo("rolled-back");
        assertThat(failure.path("config_data").path("hmac").asText()).isEqualTo("c2FsZXMtaG1hYw==");
        assertThat(failure.path("number_on").asText()).isEqualTo("source");
    }

    @Test
    void leavingAFailedEntryKeepsItResumable() throws Exception {
        fault(1, CREATE, FaultKind.SPURIOUS_400, "target-key");
        TransferPlan plan = planFor(LEGACY_PINLESS);

        RunReport left = apply(plan, FailurePolicy.Decision.LEAVE);

        assertThat(left.results().get(0).status()).isEqualTo(EntryStatus.LEFT);
        assertThat(failures().get(0).path("number_on").asText()).isEqualTo("target");
        assertThat(failures().get(0).path("config_data").path("hmac").asText()).isEqualTo("bGVnYWN5LWhtYWM=");
        RunReport resumed = apply(plan, FailurePolicy.Decision.LEAVE);
        assertThat(resumed.allIn(EntryStatus.MIGRATED)).isTrue();
        assertThat(MigrationAudit.check(baseline, fixture.source, fixture.target)).isEmpty();
        assertThat(failures()).isEmpty();
        assertThat(fixture.totalAppliedTransfers()).isOne();
    }

    @Test
    void aFailedRollbackIsReportedWithTheFullConfigAndFinishesOnTheNextRun() throws Exception {
        fault(1, CREATE, FaultKind.SPURIOUS_400, "target-key");
        fault(5, TRANSFER, FaultKind.SPURIOUS_400, "target-key");
        MigrationOptions options = fixture.options(dir).withStepRetries(RetryPolicy.none());
        TransferPlan plan = planFor(MODERN_PINLESS);

        RunReport failed = apply(plan, FailurePolicy.Decision.ROLLBACK, options);

        assertThat(failed.results().get(0).status()).isEqualTo(EntryStatus.ROLLBACK_FAILED);
        JsonNode failure = failures().get(0);
        assertThat(failure.path("status").asText()).isEqualTo("rollback-failed");
        assertThat(failure.path("step").asText()).isEqualTo("rollback-transfer");
        assertThat(failure.path("config_data").path("hmac").asText()).isEqualTo("c2FsZXMtaG1hYw==");
        assertThat(failure.path("config_data").path("room_creation_api").asText())
                .isEqualTo("https://hooks.example.com/sales");
        assertThat(failure.path("config_data").path("timeout_config").path("message").asText()).isEqualTo("busy");
        assertThat(failure.path("new_phone_id").asText()).isNotBlank();

        fixture.emulator.admin().clearFaults();
        RunReport finished = apply(plan, FailurePolicy.Decision.ROLLBACK, options);
        assertThat(finished.results().get(0).status()).isEqualTo(EntryStatus.ROLLED_BACK);
        assertThat(MigrationAudit.check(baseline, fixture.source, fixture.target)).isEmpty();
        assertThat(fixture.totalAppliedTransfers()).isEqualTo(2);
    }

    @Test
    void aSourceDeleteThatKeepsFailingRollsTheNumberBack() throws Exception {
        fault(20, "DELETE /v1/domain-dialin-config/*", FaultKind.SERVER_ERROR, "source-key");

        RunReport report = apply(planFor(MODERN_PIN), FailurePolicy.Decision.ROLLBACK);

        assertThat(report.results().get(0).status()).isEqualTo(EntryStatus.ROLLED_BACK);
        assertThat(report.results().get(0).step()).isEqualTo("delete-source-config");
        assertThat(MigrationAudit.check(baseline, fixture.source, fixture.target)).isEmpty();
    }

    @Test
    void aCreateAppliedButAnsweredWith500IsNotSentTwice() throws Exception {
        fault(1, CREATE, FaultKind.APPLIED_LOST_5XX, "target-key");

        RunReport report = apply(planFor(SHADOWED), FailurePolicy.Decision.ROLLBACK);

        assertThat(report.allIn(EntryStatus.MIGRATED)).isTrue();
        assertThat(fixture.emulator.admin().requests()).filteredOn(e -> e.method().equals("POST")
                && e.path().equals("/v1/domain-dialin-config")).hasSize(1);
        assertThat(MigrationAudit.check(baseline, fixture.source, fixture.target)).isEmpty();
    }

    @Test
    void anUnsettledTransferStaysUnresolvedUntilStateCanBeReadThenResumes() throws Exception {
        TransferPlan plan = planFor(MODERN_PINLESS);
        RunReport unsettled;
        try (MigrationEngine engine = fixture.engine(plan, dir, fixture.options(dir))) {
            engine.requireFresh();
            fault(1, TRANSFER, FaultKind.APPLIED_LOST_5XX, null);
            fault(20, "GET /v1/purchased-phone-numbers", FaultKind.SERVER_ERROR, null);
            unsettled = engine.apply(FailurePolicy.always(FailurePolicy.Decision.ROLLBACK), ProgressListener.none());
        }

        assertThat(unsettled.results().get(0).status()).isEqualTo(EntryStatus.UNRESOLVED);
        assertThat(unsettled.resumable()).isTrue();
        assertThat(failures().get(0).path("number_on").asText()).isEqualTo("unknown");
        try (var journal = dev.switchboard.core.journal.Journal.open(dir.resolve("transfer_plan.journal"))) {
            assertThat(journal.view().phase(MODERN_PINLESS, "transfer")).contains(Phase.UNKNOWN);
        }
        fixture.emulator.admin().clearFaults();
        RunReport resumed = apply(plan, FailurePolicy.Decision.ROLLBACK);
        assertThat(resumed.allIn(EntryStatus.MIGRATED)).isTrue();
        assertThat(fixture.totalAppliedTransfers()).isOne();
        assertThat(MigrationAudit.check(baseline, fixture.source, fixture.target)).isEmpty();
    }

    @Test
    void theAuditCatchesADuplicatedConfigAndALostOne() {
        fixture.emulator.admin().daily().addDialinConfig("target", "pinless_dialin",
                java.util.Map.of("name_prefix", "trunk-a", "room_creation_api", "https://x.example.com",
                        "hmac", SIP_MODERN_HMAC));
        String salesConfig = DomainInventory.read(fixture.source).effectiveConfig(MODERN_PINLESS).orElseThrow().configId();
        fixture.source.deleteDialinConfig(salesConfig);

        List<String> violations = MigrationAudit.check(baseline, fixture.source, fixture.target);

        assertThat(violations).hasSize(2);
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("SIP-only config").contains("2 after the run"));
        assertThat(violations).anySatisfy(v -> assertThat(v).startsWith(MODERN_PINLESS + ": its config is missing"));
    }
}
