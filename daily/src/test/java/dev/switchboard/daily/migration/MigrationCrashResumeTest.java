package dev.switchboard.daily.migration;

import dev.switchboard.core.plan.ProgressListener;
import dev.switchboard.emulator.server.FaultKind;
import dev.switchboard.emulator.server.FaultRule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static dev.switchboard.daily.migration.MigrationFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Kills apply (and rollback) at every step boundary of every kind of entry, then runs it again from the
 * same plan and journal: the work must finish, every invariant must hold and no number may move twice.
 */
class MigrationCrashResumeTest {
    /** Stands in for the process dying: an Error, which the engine never catches. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash(String where) {
            super("simulated crash at " + where);
        }
    }

    private static MigrationFixture fixture;

    @BeforeAll
    static void start() {
        fixture = MigrationFixture.start();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static StepListener crashAt(String entry, String step, StepListener.Boundary boundary) {
        AtomicBoolean fired = new AtomicBoolean();
        return (e, s, b) -> {
            if (e.equals(entry) && s.equals(step) && b == boundary && !fired.getAndSet(true)) {
                throw new SimulatedCrash(e + " " + s + " " + b);
            }
        };
    }

    @TestFactory
    Stream<DynamicTest> applyResumesAfterACrashAtEveryBoundary() {
        fixture.emulator.admin().reset();
        TransferPlan plan = fixture.planEverything();
        List<DynamicTest> tests = new ArrayList<>();
        for (String key : List.of(MODERN_PINLESS, MODERN_PIN, LEGACY_PINLESS, LEGACY_PIN, NO_CONFIG, SHADOWED,
                sipKey(plan, "trunk-a"), sipKey(plan, "trunk-b"))) {
            for (Step step : EntrySteps.forward(plan.entry(key))) {
                for (StepListener.Boundary boundary : StepListener.Boundary.values()) {
                    tests.add(DynamicTest.dynamicTest(key + " " + step.name() + " " + boundary,
                            () -> crashThenResume(key, step.name(), boundary)));
                }
            }
        }
        return tests.stream();
    }

    private void crashThenResume(String key, String step, StepListener.Boundary boundary) throws IOException {
        fixture.emulator.admin().reset();
        Path dir = Files.createTempDirectory("crash");
        MigrationAudit.Baseline baseline = MigrationAudit.capture(fixture.source, fixture.target);
        TransferPlan plan = fixture.planEverything();
        try (MigrationEngine engine = fixture.engine(plan, dir,
                fixture.options(dir).withStepListener(crashAt(key, step, boundary)))) {
            assertThatThrownBy(() -> engine.apply(FailurePolicy.always(FailurePolicy.Decision.ROLLBACK),
                    ProgressListener.none())).isInstanceOf(SimulatedCrash.class);
        }
        RunReport report;
        try (MigrationEngine engine = fixture.engine(plan, dir, fixture.options(dir))) {
            engine.requireFresh();
            report = engine.apply(FailurePolicy.always(FailurePolicy.Decision.ROLLBACK), ProgressListener.none());
        }
        assertThat(report.results()).allSatisfy(r -> assertThat(r.status()).as(r.key() + ": " + r.message())
                .isEqualTo(EntryStatus.MIGRATED));
        assertThat(MigrationAudit.check(baseline, fixture.source, fixture.target)).isEmpty();
        assertThat(PlanVerifier.verify(plan, fixture.source, fixture.target)).allMatch(PlanVerifier.Row::ok);
        assertThat(fixture.appliedTransfers()).hasSize(7).allSatisfy((path, count) -> assertThat(count).isOne());
    }

    @TestFactory
    Stream<DynamicTest> rollbackResumesAfterACrashAtEveryBoundary() {
        fixture.emulator.admin().reset();
        TransferPlan plan = fixture.planEverything();
        List<DynamicTest> tests = new ArrayList<>();
        for (String key : List.of(MODERN_PINLESS, LEGACY_PINLESS, SHADOWED, sipKey(plan, "trunk-a"),
                sipKey(plan, "trunk-b"))) {
            java.util.Set<String> allForward = new java.util.HashSet<>();
            EntrySteps.forward(plan.entry(key)).forEach(s -> allForward.add(s.name()));
            for (Step step : EntrySteps.rollback(plan.entry(key), allForward)) {
                for (StepListener.Boundary boundary : StepListener.Boundary.values()) {
                    if (!plan.entry(key).isSipOnly()) {
                        tests.add(DynamicTest.dynamicTest("after failure " + key + " " + step.name() + " " + boundary,
                                () -> crashRollbackThenResume(key, step.name(), boundary)));
                    }
                    tests.add(DynamicTest.dynamicTest("requested " + key + " " + step.name() + " " + boundary,
                            () -> crashRequestedRollbackThenResume(key, step.name(), boundary)));
                }
            }
        }
        return tests.stream();
    }

    /** The entry is migrated, then rolled back on request; that rollback crashes and is run again. */
    private void crashRequestedRollbackThenResume(String key, String step, StepListener.Boundary boundary)
            throws IOException {
        fixture.emulator.admin().reset();
        Path dir = Files.createTempDirectory("crash-requested");
        MigrationAudit.Baseline baseline = MigrationAudit.capture(fixture.source, fixture.target);
        TransferPlan plan = fixture.planEverything();
        TransferPlan single = TransferPlan.of(NOW, plan.source(), plan.target(), List.of(plan.entry(key)));
        try (MigrationEngine engine = fixture.engine(single, dir, fixture.options(dir))) {
            assertThat(engine.apply(FailurePolicy.always(FailurePolicy.Decision.ROLLBACK), ProgressListener.none())
                    .allIn(EntryStatus.MIGRATED)).isTrue();
        }
        try (MigrationEngine engine = fixture.engine(single, dir,
                fixture.options(dir).withStepListener(crashAt(key, step, boundary)))) {
            assertThatThrownBy(() -> engine.rollback(List.of(key), ProgressListener.none()))
                    .isInstanceOf(SimulatedCrash.class);
            assertThat(engine.status()).singleElement().extracting(EntryResult::status)
                    .isEqualTo(EntryStatus.ROLLING_BACK);
        }
        try (MigrationEngine engine = fixture.engine(single, dir, fixture.options(dir))) {
            assertThat(engine.rollback(List.of(key), ProgressListener.none()).results()).singleElement()
                    .satisfies(r -> assertThat(r.status()).as(r.message()).isEqualTo(EntryStatus.ROLLED_BACK));
        }
        assertThat(MigrationAudit.check(baseline, fixture.source, fixture.target)).isEmpty();
        assertThat(fixture.totalAppliedTransfers()).isEqualTo(plan.entry(key).isSipOnly() ? 0 : 2);
    }

    /**
     * The target config's check fails after everything else is done, so the entry rolls back; the rollback
     * crashes. The check reads the config back only when an earlier run created it (otherwise the create's
     * answer is the check), so a first run is killed right after the create.
     */
    private void crashRollbackThenResume(String key, String step, StepListener.Boundary boundary) throws IOException {
        fixture.emulator.admin().reset();
        Path dir = Files.createTempDirectory("crash-rollback");
        MigrationAudit.Baseline baseline = MigrationAudit.capture(fixture.source, fixture.target);
        TransferPlan plan = fixture.planEverything();
        TransferPlan single = TransferPlan.of(NOW, plan.source(), plan.target(), List.of(plan.entry(key)));
        try (MigrationEngine engine = fixture.engine(single, dir, fixture.options(dir)
                .withStepListener(crashAt(key, Step.CREATE_TARGET_CONFIG, StepListener.Boundary.AFTER_DONE)))) {
            assertThatThrownBy(() -> engine.apply(FailurePolicy.always(FailurePolicy.Decision.ROLLBACK),
                    ProgressListener.none())).isInstanceOf(SimulatedCrash.class);
        }
        fixture.emulator.admin().addFault(FaultRule.times(1, "GET /v1/domain-dialin-config/*", FaultKind.SPURIOUS_400)
                .forApiKey("target-key"));
        try (MigrationEngine engine = fixture.engine(single, dir,
                fixture.options(dir).withStepListener(crashAt(key, step, boundary)))) {
            assertThatThrownBy(() -> engine.apply(FailurePolicy.always(FailurePolicy.Decision.ROLLBACK),
                    ProgressListener.none())).isInstanceOf(SimulatedCrash.class);
        }
        RunReport report;
        try (MigrationEngine engine = fixture.engine(single, dir, fixture.options(dir))) {
            report = engine.apply(FailurePolicy.always(FailurePolicy.Decision.ROLLBACK), ProgressListener.none());
        }
        assertThat(report.results()).singleElement().satisfies(r -> assertThat(r.status()).as(r.message())
                .isEqualTo(EntryStatus.ROLLED_BACK));
        assertThat(MigrationAudit.check(baseline, fixture.source, fixture.target)).isEmpty();
        int transfers = plan.entry(key).isSipOnly() ? 0 : 2;
        assertThat(fixture.totalAppliedTransfers()).isEqualTo(transfers);
    }

    private static String sipKey(TransferPlan plan, String namePrefix) {
        return plan.entryList().stream().filter(e -> e.isSipOnly() && namePrefix.equals(e.config().namePrefix()))
                .findFirst().orElseThrow().key();
    }
}
