package dev.switchboard.cli.transfer;

import dev.switchboard.cli.CliRun;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.daily.migration.MigrationAudit;
import dev.switchboard.daily.migration.PlanCodec;
import dev.switchboard.daily.migration.TransferPlan;
import dev.switchboard.emulator.server.RequestLogEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.switchboard.cli.transfer.TransferCliFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code transfer apply --plan-now}: plan, summary, one question, apply, in one run. */
class TransferPlanNowTest {
    private static final String WEBHOOK = "https://agents.example.com/dialin";

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

    @Test
    void plansWritesThePlanFileAndAppliesReadingEachDomainOnce() throws Exception {
        MigrationAudit.Baseline baseline = MigrationAudit.capture(fixture.source, fixture.target);
        fixture.emulator.admin().clearRequests();

        CliRun.Result run = fixture.cli().run("transfer", "apply", "--plan-now", "--all", "--include-sip-only",
                "--room-creation-api", WEBHOOK, "--yes");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<RequestLogEntry> log = fixture.emulator.admin().requests();
        assertThat(run.err()).contains("Planned 5 entries (2 with a modern config, 1 with a legacy entry, "
                + "1 without a config, 1 SIP-only)", "Result: 5 migrated");
        TransferPlan written = PlanCodec.read(dir.resolve("transfer_plan.json"));
        assertThat(written.entries()).hasSize(5);
        assertThat(written.entry(SALES).config().targetRoomApi()).isEqualTo(WEBHOOK);
        assertThat(dir.resolve("orphaned_phone_configs.json")).exists();
        assertThat(dir.resolve("transfer_plan.journal")).exists();
        assertThat(MigrationAudit.check(baseline, fixture.source, fixture.target)).isEmpty();
        assertThat(log.stream().filter(e -> e.method().equals("GET") && e.path().equals("/v1/purchased-phone-numbers")))
                .as("planning's listing is the stale check's: one per domain").hasSize(2);
        assertThat(log.stream().filter(e -> e.method().equals("GET") && e.path().equals("/v1/domain-dialin-config")))
                .hasSize(2);
    }

    @Test
    void declinedAfterTheSummaryLeavesThePlanAndChangesNothing() {
        CliRun.Result run = fixture.cli().input("n\n", true).run("transfer", "apply", "--plan-now", "--all",
                "--no-include-sip-only", "--room-creation-api", WEBHOOK);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.DECLINED);
        assertThat(run.err()).contains("Planned 4 entries", "declined; nothing was changed");
        assertThat(Files.exists(dir.resolve("transfer_plan.json"))).isTrue();
        assertThat(fixture.writes()).isEmpty();
    }

    @Test
    void selectionOptionsWithoutPlanNowAreRefused() {
        CliRun.Result run = fixture.cli().run("transfer", "apply", "--all", "--yes");
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains("use them with --plan-now");
        assertThat(fixture.writes()).isEmpty();
    }
}
