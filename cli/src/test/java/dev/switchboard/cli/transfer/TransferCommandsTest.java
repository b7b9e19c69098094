package dev.switchboard.cli.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.cli.CliRun;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.core.io.SecureFiles;
import dev.switchboard.core.json.Json;
import dev.switchboard.daily.migration.DomainInventory;
import dev.switchboard.daily.migration.MigrationAudit;
import dev.switchboard.emulator.server.FaultKind;
import dev.switchboard.emulator.server.FaultRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.switchboard.cli.transfer.TransferCliFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

class TransferCommandsTest {
    @TempDir
    Path dir;

    private TransferCliFixture fixture;

    @BeforeEach
    void start() {
        fixture = new TransferCliFixture(dir);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private static JsonNode json(Path file) throws Exception {
        return Json.mapper().readTree(file.toFile());
    }

    @Test
    void planApplyVerifyAndStatusEndToEnd() throws Exception {
        MigrationAudit.Baseline baseline = MigrationAudit.capture(fixture.source, fixture.target);

        CliRun.Result plan = fixture.plan();
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("Source: bots (11111111-1111-4111-8111-111111111111)", SALES, "Wrote ");
        assertThat(fixture.writes()).isEmpty();
        Path planFile = dir.resolve("transfer_plan.json");
        assertThat(SecureFiles.isOwnerOnly(planFile)).isTrue();
        assertThat(SecureFiles.isOwnerOnly(dir.resolve("orphaned_phone_configs.json"))).isTrue();
        assertThat(json(dir.resolve("orphaned_phone_configs.json"))).singleElement()
                .satisfies(o -> assertThat(o.path("phone_number").asText()).isEqualTo("+14155550199"));
        assertThat(json(dir.resolve("unverified_caller_ids.json")).toString())
                .isEqualTo("[{\"number\":\"+12125550199\",\"name\":\"Head Office\"}]");

        CliRun.Result apply = fixture.cli().run("transfer", "apply", "--yes");
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.err()).contains("Result: 5 migrated", "re-point SIP trunks: ");
        assertThat(MigrationAudit.check(baseline, fixture.source, fixture.target)).isEmpty();
        assertThat(json(dir.resolve("transfer_success.json"))).hasSize(5);

        CliRun.Result verify = fixture.cli().run("transfer", "verify", "-o", "json");
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(Json.mapper().readTree(verify.out())).hasSize(5).allSatisfy(row ->
                assertThat(row.path("ok").asBoolean()).isTrue());

        CliRun.Result status = new CliRun(dir).run("transfer", "status", "-o", "csv");
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).startsWith("key,status,step,").contains(SALES + ",migrated");
    }

    @Test
    void verifyExitsOneOnAMismatch() {
        assertThat(fixture.plan().exitCode()).isZero();
        CliRun.Result verify = fixture.cli().run("transfer", "verify");
        assertThat(verify.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(verify.out()).contains("the number is not on the target");
        assertThat(verify.err()).contains("5 of 5 entries do not match");
    }

    @Test
    void planRefusesTheSameDomainTwiceAndABadKey() {
        CliRun.Result same = fixture.cli().env("DAILY_TARGET_API_KEY", "source-key")
                .run("transfer", "plan", "--all");
        assertThat(same.exitCode()).isEqualTo(ExitCode.PRECONDITION);
        assertThat(same.err()).contains("both belong to domain bots");
        CliRun.Result badKey = fixture.cli().env("DAILY_SOURCE_API_KEY", "nope").run("transfer", "plan", "--all");
        assertThat(badKey.exitCode()).isEqualTo(ExitCode.CREDENTIALS);
        CliRun.Result missing = new CliRun(dir).run("transfer", "plan", "--all");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.CREDENTIALS);
        assertThat(missing.err()).contains("DAILY_SOURCE_API_KEY is not set");
    }

    @Test
    void planWithoutATerminalNeedsASelectionAndTheDailybotsReplacement() {
        CliRun.Result noChoice = fixture.cli().run("transfer", "plan");
        assertThat(noChoice.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(noChoice.err()).contains("--all, --numbers or --exclude");
        CliRun.Result noUrl = fixture.cli().run("transfer", "plan", "--numbers", SALES);
        assertThat(noUrl.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(noUrl.err()).contains("'dailybots'", "--room-creation-api");
        assertThat(Files.exists(dir.resolve("transfer_plan.json"))).isFalse();
    }

    @Test
    void planAsksOnATerminal() throws Exception {
        CliRun.Result result = fixture.cli().input("2-3\ny\n", true).run("transfer", "plan");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("    1  " + SALES, "Numbers to transfer", "SIP-only");
        JsonNode entries = json(dir.resolve("transfer_plan.json")).path("entries");
        assertThat(entries.properties()).hasSize(3).extracting(e -> e.getKey()).startsWith(PIN, LEGACY);
        assertThat(entries.properties()).last().satisfies(e -> assertThat(e.getValue().path("source_phone_id").isNull())
                .isTrue());
    }

    @Test
    void activeCallsRefuseWithoutTheFlag() {
        assertThat(fixture.plan().exitCode()).isZero();
        fixture.emulator.admin().daily().addParticipant("bots", "support-room", "Caller", null);
        fixture.emulator.admin().clearRequests();

        CliRun.Result refused = fixture.cli().run("transfer", "apply", "--yes");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.PRECONDITION);
        assertThat(refused.err()).contains("1 participant in 1 room on the source domain", "15 seconds", "--allow-active-calls");
        assertThat(fixture.writes()).isEmpty();

        CliRun.Result allowed = fixture.cli().run("transfer", "apply", "--yes", "--allow-active-calls");
        assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
    }

    @Test
    void aRefusedCreateRollsBackByDefaultWithoutATerminalAndExitsOne() throws Exception {
        MigrationAudit.Baseline baseline = MigrationAudit.capture(fixture.source, fixture.target);
        assertThat(fixture.cli().run("transfer", "plan", "--numbers", PIN).exitCode()).isZero();
        fixture.emulator.admin().addFault(FaultRule.times(1, "POST /v1/domain-dialin-config", FaultKind.SPURIOUS_400)
                .forApiKey("target-key"));

        CliRun.Result apply = fixture.cli().run("transfer", "apply", "--yes");

        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(apply.out()).contains("rolled-back");
        assertThat(MigrationAudit.check(baseline, fixture.source, fixture.target)).isEmpty();
        assertThat(json(dir.resolve("transfer_failures.json")).get(0).path("config_data").path("name_prefix").asText())
                .isEqualTo("pin");
    }

    @Test
    void leaveThenResumeThenRollbackOnRequest() throws Exception {
        MigrationAudit.Baseline baseline = MigrationAudit.capture(fixture.source, fixture.target);
        assertThat(fixture.cli().run("transfer", "plan", "--numbers", LEGACY + "," + SPARE).exitCode()).isZero();
        fixture.emulator.admin().addFault(FaultRule.times(1, "POST /v1/domain-dialin-config", FaultKind.SPURIOUS_400)
                .forApiKey("target-key"));

        CliRun.Result left = fixture.cli().run("transfer", "apply", "--yes", "--on-failure", "leave");
        assertThat(left.exitCode()).as(left.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(new CliRun(dir).run("transfer", "status").out()).contains(LEGACY + "  left");

        CliRun.Result resumed = fixture.cli().run("transfer", "apply", "--yes");
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();

        CliRun.Result rollback = fixture.cli().run("transfer", "rollback", "--all", "--yes");
        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        assertThat(rollback.err()).contains("2 rolled-back");
        assertThat(MigrationAudit.check(baseline, fixture.source, fixture.target)).isEmpty();
        assertThat(DomainInventory.read(fixture.source).configsFor(LEGACY)).singleElement()
                .satisfies(c -> assertThat(c.config().hmac().reveal()).isEqualTo("bGVnYWN5LWhtYWM="));

        // the finished journal no longer blocks a new plan: it is archived, and the plan replaced (with --yes)
        CliRun.Result replanned = fixture.cli().run("transfer", "plan", "--numbers", SALES, "--yes",
                "--room-creation-api", "https://agents.example.com/dialin");
        assertThat(replanned.exitCode()).as(replanned.toString()).isZero();
        assertThat(replanned.out()).contains("Archived the finished journal of the earlier plan as transfer_plan.journal.");
        assertThat(dir.resolve("transfer_plan.journal")).doesNotExist();
        assertThat(json(dir.resolve("transfer_plan.json")).path("entries").properties()).hasSize(1);
    }

    @Test
    void anUnfinishedJournalStillBlocksANewPlan() {
        assertThat(fixture.cli().run("transfer", "plan", "--numbers", LEGACY + "," + SPARE).exitCode()).isZero();
        fixture.emulator.admin().addFault(FaultRule.times(1, "POST /v1/domain-dialin-config", FaultKind.SPURIOUS_400)
                .forApiKey("target-key"));
        assertThat(fixture.cli().run("transfer", "apply", "--yes", "--on-failure", "leave").exitCode())
                .isEqualTo(ExitCode.FAILED);
        CliRun.Result blocked = fixture.cli().run("transfer", "plan", "--numbers", SPARE, "--yes");
        assertThat(blocked.exitCode()).as(blocked.toString()).isEqualTo(ExitCode.PRECONDITION);
        assertThat(blocked.err()).contains("an unfinished journal of an earlier apply exists");
    }

    @Test
    void callerIdsAreAddedOnceAndSkippedAfterwards() {
        assertThat(fixture.plan().exitCode()).isZero();
        CliRun.Result first = fixture.cli().run("transfer", "caller-ids", "--yes");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("+12125550199", "added");
        CliRun.Result again = fixture.cli().run("transfer", "caller-ids", "--yes");
        assertThat(again.out()).as(again.toString()).contains("already-present");
        assertThat(fixture.emulator.admin().requests()).filteredOn(e -> e.method().equals("POST")
                && e.path().equals("/v1/verified-caller-ids")).hasSize(1);
    }

    @Test
    void retrySettingsComeFromFlagsOverEnvironment() {
        RetryMixin mixin = new RetryMixin();
        var env = new dev.switchboard.core.config.Env(java.util.Map.of("MAX_RETRIES", "5", "INITIAL_DELAY", "0.5",
                "BACKOFF_FACTOR", "3", "TRANSFER_DELAY", "2"), dir.resolve(".env"));
        assertThat(mixin.policy(env).maxRetries()).isEqualTo(5);
        assertThat(mixin.policy(env).initialDelay()).hasMillis(500);
        assertThat(mixin.policy(env).backoffFactor()).isEqualTo(3.0);
        assertThat(mixin.transferDelay(env)).hasSeconds(2);
        mixin.maxRetries = 1;
        mixin.transferDelay = java.time.Duration.ZERO;
        assertThat(mixin.policy(env).maxRetries()).isEqualTo(1);
        assertThat(mixin.transferDelay(env)).isZero();
    }
}
