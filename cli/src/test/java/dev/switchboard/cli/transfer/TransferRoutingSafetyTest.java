package dev.switchboard.cli.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.cli.CliRun;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.core.http.Secret;
import dev.switchboard.core.io.SecureFiles;
import dev.switchboard.core.json.Json;
import dev.switchboard.daily.Domain;
import dev.switchboard.daily.LegacyPinlessEntry;
import dev.switchboard.daily.migration.DomainInventory;
import dev.switchboard.daily.migration.MigrationAudit;
import dev.switchboard.daily.migration.ObservedConfig;
import dev.switchboard.emulator.server.FaultKind;
import dev.switchboard.emulator.server.FaultRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static dev.switchboard.cli.transfer.TransferCliFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

/**
 * The "routing lost" cases of issue 9 through the CLI against the embedded emulator: a mistyped hmac (1),
 * a started entry edited or removed from the plan before the resume (2), and a flat plan that cannot name
 * a legacy duplicate (3). In none may a config end up on neither domain; refusals write nothing.
 */
class TransferRoutingSafetyTest {
    private static final String SALES_HMAC = "c2FsZXMtaG1hYw==";
    private static final String PBX_HMAC = "c2lwLWhtYWM=";

    @TempDir
    Path dir;

    private TransferCliFixture fixture;
    private Path planFile;
    private MigrationAudit.Baseline baseline;

    @BeforeEach
    void start() {
        fixture = new TransferCliFixture(dir);
        planFile = dir.resolve("transfer_plan.json");
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private void plan() {
        baseline = MigrationAudit.capture(fixture.source, fixture.target);
        CliRun.Result plan = fixture.plan();
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        fixture.clearRequestsAfter(0);
    }

    private ObjectNode planJson() throws Exception {
        return (ObjectNode) Json.mapper().readTree(planFile.toFile());
    }

    private void editPlan(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode plan = planJson();
        edit.accept(plan);
        Files.writeString(planFile, Json.mapper().writeValueAsString(plan));
    }

    private static ObjectNode config(ObjectNode plan, String key) {
        return (ObjectNode) plan.path("entries").path(key).path("config_data");
    }

    private String sipOnlyKey() throws Exception {
        return planJson().path("entries").properties().stream().filter(e -> e.getValue().path("source_phone_id").isNull())
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    /** The original utility's format: the entries alone, without fingerprints or legacy duplicates. */
    private void makeFlat() throws Exception {
        ObjectNode entries = (ObjectNode) planJson().get("entries");
        entries.properties().forEach(e -> ((ObjectNode) e.getValue()).remove(List.of("fingerprint", "legacy_duplicates")));
        Files.writeString(planFile, Json.mapper().writeValueAsString(entries));
    }

    private static List<String> problemLines(CliRun.Result result) {
        return result.err().lines().filter(l -> l.startsWith("switchboard: ")).toList();
    }

    /** The journal's latest start record (with the backup) of {@code key}, read from disk. */
    private JsonNode startRecord(String key) throws Exception {
        JsonNode found = null;
        for (String line : Files.readAllLines(dir.resolve("transfer_plan.journal"))) {
            JsonNode record = Json.mapper().readTree(line);
            if (record.path("entry").asText().equals(key) && record.path("step").asText().equals("start")) {
                found = record;
            }
        }
        return found;
    }

    private void assertNoConfigLost() {
        assertThat(MigrationAudit.check(baseline, fixture.source, fixture.target)).isEmpty();
    }

    /**
     * Case 1: a pinless hmac mistyped into something that is not base64, in either format, on a number with a
     * modern config, one with a legacy entry, and a SIP-only entry. Validation (when present) refuses the plan
     * before any write (exit 2); the engine on its own refuses a SIP-only entry it cannot find (exit 3) and
     * rolls a number back to the config it observed on the source (exit 1). Either way the config survives
     * with its real hmac.
     */
    @ParameterizedTest(name = "{0}, flat {1}")
    @CsvSource({"+14155550101, false", "+14155550101, true", "+14155550103, false", "+14155550103, true",
            "sip-only, false", "sip-only, true"})
    void aMistypedHmacNeverLosesTheConfig(String which, boolean flat) throws Exception {
        plan();
        String key = which.equals("sip-only") ? sipOnlyKey() : which;
        editPlan(plan -> config(plan, key).put("hmac", "c2FsZXMt!!aG1hYw"));
        if (flat) {
            makeFlat();
        }

        CliRun.Result apply = fixture.cli().run("transfer", "apply", "--yes");

        assertThat(apply.exitCode()).as(apply.toString()).isIn(ExitCode.FAILED, ExitCode.INVALID_INPUT,
                ExitCode.PRECONDITION);
        assertThat(apply.err() + apply.out()).contains(key);
        if (apply.exitCode() == ExitCode.FAILED) {
            assertThat(apply.out()).contains("rolled-back");
        } else {
            assertThat(problemLines(apply)).singleElement(STRING).contains(key);
            assertThat(fixture.writes()).isEmpty();
        }
        assertNoConfigLost();
        DomainInventory source = DomainInventory.read(fixture.source);
        List<ObservedConfig> configs = key.startsWith("+") ? source.configsFor(key) : source.sipOnlyConfigs();
        String original = which.equals("sip-only") ? PBX_HMAC : key.equals(SALES) ? SALES_HMAC : "bGVnYWN5LWhtYWM=";
        assertThat(configs).singleElement().satisfies(c -> assertThat(c.config().hmac()).isEqualTo(Secret.of(original)));
        assertThat(apply.out() + apply.err()).doesNotContain(SALES_HMAC, "bGVnYWN5LWhtYWM=", PBX_HMAC, "c2FsZXMt!!");
    }

    /** Runs apply one entry at a time with the target refusing SALES's create once: SALES is left started. */
    private void leaveSalesStarted() {
        fixture.emulator.admin().addFault(FaultRule.times(1, "POST /v1/domain-dialin-config", FaultKind.SPURIOUS_400)
                .forApiKey("target-key"));
        CliRun.Result first = fixture.cli().run("transfer", "apply", "--yes", "--on-failure", "leave",
                "--concurrency", "1");
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(first.out()).contains("left");
        assertThat(fixture.target.purchasedNumbers(dev.switchboard.daily.PurchasedNumberFilter.byNumber(SALES)))
                .isNotEmpty();
        assertThat(DomainInventory.read(fixture.source).configsFor(SALES)).isEmpty();
        fixture.clearRequestsAfter(fixture.writes().size());
    }

    /** Apply must refuse with exit 3 before any write, in one line naming the entry and what to do. */
    private void expectRefusedResume(String message) {
        CliRun.Result again = fixture.cli().run("transfer", "apply", "--yes");
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(ExitCode.PRECONDITION);
        assertThat(problemLines(again)).singleElement(STRING)
                .contains("the plan was edited after apply started", SALES, message, "--restore-plan",
                        "nothing was changed");
        assertThat(fixture.writes()).isEmpty();
    }

    private void assertBackupIntact() throws Exception {
        JsonNode backup = startRecord(SALES).path("data").path("observed");
        assertThat(backup).hasSize(1);
        assertThat(backup.get(0).path("config").path("hmac").asText()).isEqualTo(SALES_HMAC);
        assertThat(backup.get(0).path("config").path("room_creation_api").asText()).isEqualTo("dailybots");
        assertThat(SecureFiles.isOwnerOnly(dir.resolve("transfer_plan.journal"))).isTrue();
    }

    /** Case 2, first variant: the started entry's hmac and webhook edited before the resume. */
    @Test
    void aStartedEntryEditedInThePlanIsRefusedUntilTheOriginalIsRestored() throws Exception {
        plan();
        leaveSalesStarted();
        editPlan(plan -> config(plan, SALES).put("hmac", "ZWRpdGVkLWhtYWM=")
                .put("target_room_creation_api", "https://elsewhere.example.com/"));

        expectRefusedResume("config_data.hmac, config_data.target_room_creation_api changed");
        assertBackupIntact();
        assertThat(DomainInventory.read(fixture.target).configsFor(SALES)).isEmpty();

        CliRun.Result status = fixture.cli().run("transfer", "status");
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).contains(SALES, "left", "config_data.hmac");
        assertThat(status.err()).contains("warning: 1 started entry was changed or removed", "--restore-plan");

        CliRun.Result restored = fixture.cli().run("transfer", "status", "--restore-plan");
        assertThat(restored.exitCode()).as(restored.toString()).isZero();
        assertThat(restored.err()).contains("Restored 1 started entry into", "transfer_plan.json.edited")
                .doesNotContain("warning");
        assertThat(config(planJson(), SALES).path("hmac").asText()).isEqualTo(SALES_HMAC);
        assertThat(SecureFiles.isOwnerOnly(dir.resolve("transfer_plan.json.edited"))).isTrue();
        assertThat(SecureFiles.isOwnerOnly(planFile)).isTrue();
        assertThat(fixture.writes()).isEmpty();

        CliRun.Result finish = fixture.cli().run("transfer", "apply", "--yes");
        assertThat(finish.exitCode()).as(finish.toString()).isZero();
        assertThat(fixture.cli().run("transfer", "verify").exitCode()).isZero();
        assertNoConfigLost();
        assertThat(DomainInventory.read(fixture.target).configsFor(SALES)).singleElement()
                .satisfies(c -> assertThat(c.config().hmac()).isEqualTo(Secret.of(SALES_HMAC)));
    }

    /** A plan replaced by something too large to read is moved aside whole, never read into memory. */
    @Test
    void anOversizedPlanIsMovedAsideAndTheStartedEntriesRestored() throws Exception {
        plan();
        leaveSalesStarted();
        try (java.io.RandomAccessFile huge = new java.io.RandomAccessFile(planFile.toFile(), "rw")) {
            huge.setLength(dev.switchboard.core.io.InputFiles.MAX_PLAN_BYTES + 1); // sparse: costs no disk
        }

        CliRun.Result restored = fixture.cli().run("transfer", "status", "--restore-plan");
        assertThat(restored.exitCode()).as(restored.toString()).isZero();
        Path edited = dir.resolve("transfer_plan.json.edited");
        assertThat(java.nio.file.Files.size(edited)).isEqualTo(dev.switchboard.core.io.InputFiles.MAX_PLAN_BYTES + 1);
        assertThat(SecureFiles.isOwnerOnly(edited)).isTrue();
        assertThat(config(planJson(), SALES).path("hmac").asText()).isEqualTo(SALES_HMAC);
        assertThat(fixture.writes()).isEmpty();
    }

    /** Case 2, second variant: the started entry removed from the plan; status shows it, rollback restores it. */
    @Test
    void aStartedEntryRemovedFromThePlanIsRefusedShownAndRolledBackFromTheBackup() throws Exception {
        plan();
        leaveSalesStarted();
        editPlan(plan -> ((ObjectNode) plan.get("entries")).remove(SALES));

        expectRefusedResume("removed from the plan");
        assertBackupIntact();

        CliRun.Result status = fixture.cli().run("transfer", "status");
        assertThat(status.out()).contains(SALES, "left", "removed from the plan");
        assertThat(status.err()).contains("warning: 1 started entry");

        CliRun.Result rollback = fixture.cli().run("transfer", "rollback", "--numbers", SALES, "--yes", "--details");
        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        assertThat(rollback.out()).contains(SALES, "rolled-back");
        assertNoConfigLost();
        assertThat(DomainInventory.read(fixture.source).configsFor(SALES)).singleElement().satisfies(c -> {
            assertThat(c.config().hmac()).isEqualTo(Secret.of(SALES_HMAC));
            assertThat(c.config().roomCreationApi()).isEqualTo("dailybots");
        });
    }

    @Test
    void withThePlanFileGoneRollbackStillRestoresEveryStartedEntry() throws Exception {
        plan();
        leaveSalesStarted();
        Files.delete(planFile);

        CliRun.Result rollback = fixture.cli().run("transfer", "rollback", "--all", "--yes");

        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        assertThat(rollback.err()).contains("transfer_plan.json is missing; rolling back the 5 started entries");
        assertNoConfigLost();
        assertThat(DomainInventory.read(fixture.source).numbers()).hasSize(4);
        assertThat(DomainInventory.read(fixture.target).numbers()).isEmpty();
    }

    /**
     * Case 3: the flat format cannot name the legacy entry that SALES's modern config overrides. Apply sees
     * it, removes it with the number, and verify agrees; a rollback puts both back.
     */
    @Test
    void aLegacyDuplicateAFlatPlanCannotNameIsMovedSoVerifyAgreesWithApply() throws Exception {
        Domain domain = fixture.source.domain();
        List<LegacyPinlessEntry> pinless = new ArrayList<>(domain.config().pinlessDialin());
        pinless.add(new LegacyPinlessEntry(SALES, null, Secret.of("b2xkLXNhbGVz"), "https://hooks.example.com/old",
                "old-sales", null, null, null));
        fixture.source.replaceLegacyDialin(pinless, domain.config().pinDialin());
        plan();
        makeFlat();

        CliRun.Result apply = fixture.cli().run("transfer", "apply", "--yes");

        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.err()).contains("Result: 5 migrated");
        CliRun.Result verify = fixture.cli().run("transfer", "verify");
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(DomainInventory.read(fixture.source).configsFor(SALES)).isEmpty();
        assertNoConfigLost();

        assertThat(fixture.cli().run("transfer", "rollback", "--numbers", SALES, "--yes").exitCode()).isZero();
        assertThat(DomainInventory.read(fixture.source).configsFor(SALES)).extracting(c -> c.config().hmac())
                .containsExactlyInAnyOrder(Secret.of(SALES_HMAC), Secret.of("b2xkLXNhbGVz"));
        assertNoConfigLost();
    }
}
