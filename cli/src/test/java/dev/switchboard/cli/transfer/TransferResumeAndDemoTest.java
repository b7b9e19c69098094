package dev.switchboard.cli.transfer;

import dev.switchboard.cli.CliRun;
import dev.switchboard.core.http.Secret;
import dev.switchboard.core.plan.ProgressListener;
import dev.switchboard.daily.migration.FailurePolicy;
import dev.switchboard.daily.migration.MigrationAudit;
import dev.switchboard.daily.migration.MigrationClients;
import dev.switchboard.daily.migration.MigrationEngine;
import dev.switchboard.daily.migration.MigrationOptions;
import dev.switchboard.daily.migration.PlanCodec;
import dev.switchboard.daily.migration.StepListener;
import dev.switchboard.daily.migration.TransferPlan;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static dev.switchboard.cli.transfer.TransferCliFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An apply killed between any two steps (a crash hook in the engine, as a killed process would leave the
 * journal) is finished by running {@code switchboard transfer apply} again; and the demo runs clean.
 */
class TransferResumeAndDemoTest {
    static final class Killed extends Error {
        Killed() {
            super("killed");
        }
    }

    @TestFactory
    Stream<DynamicTest> transferApplyFinishesARunKilledBetweenAnyTwoSteps() {
        List<DynamicTest> tests = new ArrayList<>();
        String[][] points = {
                {SALES, "transfer"}, {SALES, "delete-source-config"}, {SALES, "create-target-config"},
                {SALES, "check-target-config"}, {LEGACY, "transfer"}, {LEGACY, "remove-legacy-entries"},
                {LEGACY, "create-target-config"}, {LEGACY, "check-target-config"}, {SPARE, "transfer"}};
        for (String[] point : points) {
            for (StepListener.Boundary boundary : List.of(StepListener.Boundary.AFTER_BEGIN,
                    StepListener.Boundary.AFTER_CALL)) {
                tests.add(DynamicTest.dynamicTest(point[0] + " " + point[1] + " " + boundary,
                        () -> killThenResume(point[0], point[1], boundary)));
            }
        }
        return tests.stream();
    }

    private void killThenResume(String entry, String step, StepListener.Boundary boundary) throws Exception {
        Path dir = Files.createTempDirectory("resume");
        try (TransferCliFixture fixture = new TransferCliFixture(dir)) {
            MigrationAudit.Baseline baseline = MigrationAudit.capture(fixture.source, fixture.target);
            assertThat(fixture.plan().exitCode()).isZero();
            Path planFile = dir.resolve("transfer_plan.json");
            TransferPlan plan = PlanCodec.read(planFile);
            AtomicBoolean fired = new AtomicBoolean();
            StepListener kill = (e, s, b) -> {
                if (e.equals(entry) && s.equals(step) && b == boundary && !fired.getAndSet(true)) {
                    throw new Killed();
                }
            };
            MigrationClients clients = new MigrationClients(fixture.source, Secret.of("source-key"), fixture.target,
                    Secret.of("target-key"));
            try (MigrationEngine engine = MigrationEngine.open(plan, MigrationEngine.journalFor(planFile), clients,
                    MigrationOptions.defaults().withOutcomeFilesIn(dir).withStepListener(kill))) {
                assertThatThrownBy(() -> engine.apply(FailurePolicy.always(FailurePolicy.Decision.ROLLBACK),
                        ProgressListener.none())).isInstanceOf(Killed.class);
            }

            CliRun.Result resumed = fixture.cli().run("transfer", "apply", "--yes");

            assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
            assertThat(resumed.err()).contains("to resume");
            assertThat(MigrationAudit.check(baseline, fixture.source, fixture.target)).isEmpty();
            assertThat(fixture.cli().run("transfer", "verify").exitCode()).isZero();
            long transfers = fixture.emulator.admin().requests().stream()
                    .filter(r -> r.path().startsWith("/v1/transfer-phone-number/") && r.status() == 200).count();
            assertThat(transfers).isEqualTo(4);
        }
    }

    @Test
    void theDemoRunsPlanApplyVerifyWithoutCredentials(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("demo-files");

        CliRun.Result demo = new CliRun(dir).run("demo", "--dir", out.toString());

        assertThat(demo.exitCode()).as(demo.toString()).isZero();
        assertThat(demo.out()).contains("1/3 plan", "2/3 apply", "3/3 verify", "Demo finished",
                DemoScenario.numberCount() + 2 + " migrated", "re-point SIP trunks", out.toString());
        assertThat(demo.out()).doesNotContain("MISMATCH", "INVARIANT");
        assertThat(out.resolve("transfer_plan.json")).exists();
        assertThat(out.resolve("transfer_success.json")).exists();
        CliRun.Result again = new CliRun(dir).run("demo", "--dir", out.toString());
        assertThat(again.exitCode()).isEqualTo(dev.switchboard.cli.support.ExitCode.INVALID_INPUT);
        assertThat(again.err()).contains("is not empty");
    }
}
