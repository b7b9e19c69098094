package dev.switchboard.core.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.switchboard.core.engine.EntryReport.Status;
import dev.switchboard.core.engine.FakeWorld.Fault;
import dev.switchboard.core.engine.StepHook.Boundary;
import dev.switchboard.core.http.FakeTime;
import dev.switchboard.core.http.RequestPriority;
import dev.switchboard.core.http.RetryPolicy;
import dev.switchboard.core.journal.Journal;
import dev.switchboard.core.journal.JournalRecord;
import dev.switchboard.core.journal.Phase;
import dev.switchboard.core.plan.EntryOutcome;
import dev.switchboard.core.plan.Progress;
import dev.switchboard.core.plan.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class EngineTest {
    /** A simulated kill: the engine never catches errors, so nothing more is journaled. */
    static final class Crash extends Error {
        Crash() {
            super("simulated crash");
        }
    }

    @TempDir
    Path dir;
    final FakeWorld world = new FakeWorld();

    private Path journalFile() {
        return dir.resolve("run.journal");
    }

    private List<EntryPlan<String>> plan(int count) {
        return IntStream.range(0, count).mapToObj(i -> FakeAction.buyAndName(world, "+1555000" + (1000 + i), "line " + i))
                .toList();
    }

    private List<EntryReport<String>> apply(List<EntryPlan<String>> plan, EngineOptions options) throws Exception {
        try (Journal journal = Journal.open(journalFile())) {
            return Engine.reports(new Engine(journal, options).apply(plan, ProgressListener.none()));
        }
    }

    private List<JournalRecord> records() throws Exception {
        try (Journal journal = Journal.open(journalFile())) {
            return journal.records();
        }
    }

    private List<String> phases(String entry, String step) throws Exception {
        return records().stream().filter(r -> r.entry().equals(entry) && r.step().equals(step))
                .map(r -> r.phase().name()).toList();
    }

    @Test
    void runsEveryActionInOrderWithBeginDurableBeforeTheCall() throws Exception {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        StepHook hook = (entry, step, boundary) -> seen.add(entry + " " + step + " " + boundary);
        List<EntryReport<String>> reports = apply(plan(3), EngineOptions.defaults(2).withHook(hook));

        assertThat(reports).extracting(EntryReport::status).containsOnly(Status.DONE);
        assertThat(world.owned).containsEntry("+15550001000", "line 0").containsEntry("+15550001002", "line 2");
        assertThat(reports.get(1).done().get("buy").path("id").asText()).isEqualTo("id-+15550001001");
        assertThat(phases("+15550001000", "buy")).containsExactly("BEGIN", "DONE");
        assertThat(phases("+15550001000", "rename")).containsExactly("BEGIN", "DONE");
        assertThat(seen).containsSubsequence("+15550001000 buy BEFORE_BEGIN", "+15550001000 buy AFTER_BEGIN",
                "+15550001000 buy AFTER_CALL", "+15550001000 buy AFTER_DONE", "+15550001000 rename BEFORE_BEGIN");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(journalFile()))).isEqualTo("rw-------");
    }

    @Test
    void aSecondRunSendsNothingForDoneEntries() throws Exception {
        apply(plan(2), EngineOptions.defaults(1));
        List<EntryReport<String>> again = apply(plan(2), EngineOptions.defaults(1));

        assertThat(again).extracting(EntryReport::status).containsOnly(Status.ALREADY_DONE);
        assertThat(world.calls("buy", "+15550001000")).isEqualTo(1);
        assertThat(world.calls("rename", "+15550001001")).isEqualTo(1);
    }

    @Test
    void aLostAnswerIsSettledByReadingStateAndNeverResent() throws Exception {
        world.fault("buy", "+15550001000", Fault.LOSE_ANSWER);
        List<EntryReport<String>> reports = apply(plan(1), EngineOptions.defaults(1));

        assertThat(reports.get(0).status()).isEqualTo(Status.DONE);
        assertThat(world.calls("buy", "+15550001000")).isEqualTo(1);
        assertThat(phases("+15550001000", "buy")).containsExactly("BEGIN", "DONE");
        assertThat(reports.get(0).done().get("buy").path("reconciled").asBoolean()).isTrue();
        assertThat(world.owned).containsEntry("+15550001000", "line 0");
    }

    @Test
    void anAmbiguousBuyFoundNotDoneIsFailedThisRunAndBoughtOnceByTheNext() throws Exception {
        world.fault("buy", "+15550001000", Fault.LOST_BEFORE_ACTING);
        List<EntryReport<String>> first = apply(plan(1), EngineOptions.defaults(1));

        assertThat(first.get(0).status()).isEqualTo(Status.FAILED);
        assertThat(first.get(0).step()).isEqualTo("buy");
        assertThat(world.calls("buy", "+15550001000")).isEqualTo(1);
        assertThat(world.calls("rename", "+15550001000")).isZero();
        assertThat(phases("+15550001000", "buy")).containsExactly("BEGIN", "FAILED");

        List<EntryReport<String>> second = apply(plan(1), EngineOptions.defaults(1));
        assertThat(second.get(0).status()).isEqualTo(Status.DONE);
        assertThat(world.calls("buy", "+15550001000")).isEqualTo(2);
        assertThat(world.owned).containsEntry("+15550001000", "line 0");
    }

    @Test
    void aConflictStopsTheEntryAsUnknownAndSendsNothingMore() throws Exception {
        world.fault("buy", "+15550001000", Fault.LOST_BEFORE_ACTING);
        world.owned.put("+15550001000", FakeWorld.OTHER);
        List<EntryReport<String>> reports = apply(plan(1), EngineOptions.defaults(1));

        assertThat(reports.get(0).status()).isEqualTo(Status.UNKNOWN);
        assertThat(reports.get(0).detail()).contains("belongs to someone else");
        assertThat(phases("+15550001000", "buy")).containsExactly("BEGIN", "UNKNOWN");
        assertThat(world.calls("rename", "+15550001000")).isZero();

        List<EntryReport<String>> again = apply(plan(1), EngineOptions.defaults(1));
        assertThat(again.get(0).status()).isEqualTo(Status.UNKNOWN);
        assertThat(world.calls("buy", "+15550001000")).isEqualTo(1);
    }

    @Test
    void aRefusalStaysFailedAcrossRuns() throws Exception {
        world.fault("buy", "+15550001000", Fault.REFUSE);
        assertThat(apply(plan(1), EngineOptions.defaults(1)).get(0).status()).isEqualTo(Status.FAILED);
        List<EntryReport<String>> again = apply(plan(1), EngineOptions.defaults(1));

        assertThat(again.get(0).status()).isEqualTo(Status.FAILED);
        assertThat(again.get(0).detail()).contains("422");
        assertThat(world.calls("buy", "+15550001000")).isEqualTo(1);
        assertThat(records().stream().filter(r -> r.phase() == Phase.FAILED).findFirst().orElseThrow()
                .data().path("retryable").asBoolean(true)).isFalse();
    }

    @Test
    void aBusyAnswerIsRetriedInTheRunOnlyWhereTheActionAllowsIt() throws Exception {
        FakeTime time = new FakeTime();
        world.fault("buy", "+15550001000", Fault.BUSY);
        EngineOptions options = EngineOptions.defaults(1).withRetries(RetryPolicy.defaults().withMaxRetries(2), time);
        assertThat(apply(plan(1), options).get(0).status()).isEqualTo(Status.FAILED);

        // a busy answer is a clean failure by default: no reconcile, no in-run retry
        assertThat(world.calls("buy", "+15550001000")).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void aRejectedKeyStopsTheWholeRun() throws Exception {
        world.fault("buy", "+15550001000", Fault.REJECT_KEY);
        List<EntryReport<String>> reports = apply(plan(3), EngineOptions.defaults(1));

        assertThat(reports).extracting(EntryReport::status).containsExactly(Status.UNKNOWN, Status.NOT_STARTED,
                Status.NOT_STARTED);
        assertThat(world.owned).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Boundary.class)
    void aCrashAtAnyBoundaryOfABuyResumesWithoutBuyingTwice(Boundary at) throws Exception {
        StepHook crash = (entry, step, boundary) -> {
            if (step.equals("buy") && boundary == at) {
                throw new Crash();
            }
        };
        List<EntryReport<String>> crashed = apply(plan(1), EngineOptions.defaults(1).withHook(crash));
        assertThat(crashed.get(0).status()).isEqualTo(Status.UNKNOWN);

        List<EntryReport<String>> resumed = apply(plan(1), EngineOptions.defaults(1));
        assertThat(resumed.get(0).status()).isIn(Status.DONE);
        assertThat(world.calls("buy", "+15550001000")).isEqualTo(1);
        assertThat(world.owned).containsEntry("+15550001000", "line 0");
    }

    /** Crash campaign: many runs, each killed at a random boundary, until the plan is done. Seeded. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomCrashesAndLostAnswersEndWithEveryNumberBoughtOnceAndNamed(long seed) throws Exception {
        System.out.println("EngineTest crash campaign seed " + seed);
        Random random = new Random(seed);
        List<EntryPlan<String>> plan = plan(6);
        for (EntryPlan<String> entry : plan) {
            if (random.nextInt(3) == 0) {
                world.fault(random.nextBoolean() ? "buy" : "rename", entry.key(),
                        random.nextBoolean() ? Fault.LOSE_ANSWER : Fault.LOST_BEFORE_ACTING);
            }
        }
        List<EntryReport<String>> last = List.of();
        for (int run = 0; run < 40; run++) {
            int crashAfter = random.nextInt(12);
            boolean crashing = run < 30;
            java.util.concurrent.atomic.AtomicInteger boundaries = new java.util.concurrent.atomic.AtomicInteger();
            StepHook crash = (entry, step, boundary) -> {
                if (crashing && boundaries.getAndIncrement() == crashAfter) {
                    throw new Crash();
                }
            };
            last = apply(plan, EngineOptions.defaults(1 + random.nextInt(3)).withHook(crash));
            if (last.stream().allMatch(r -> r.status() == Status.DONE || r.status() == Status.ALREADY_DONE)) {
                break;
            }
        }
        assertThat(last).extracting(EntryReport::status).allMatch(s -> s == Status.DONE || s == Status.ALREADY_DONE);
        for (int i = 0; i < plan.size(); i++) {
            String number = plan.get(i).key();
            assertThat(world.owned).containsEntry(number, "line " + i);
            long successfulBuys = records().stream().filter(r -> r.entry().equals(number) && r.step().equals("buy")
                    && r.phase() == Phase.DONE).count();
            assertThat(successfulBuys).as("DONE buy records of " + number).isEqualTo(1);
        }
    }

    @Test
    void aDestructiveStepHasItsBackupDurableBeforeItsBegin() throws Exception {
        world.owned.put("+15550001000", "old name");
        List<String> atBegin = new ArrayList<>();
        StepHook hook = (entry, step, boundary) -> {
            if (step.equals("rename") && boundary == Boundary.BEFORE_BEGIN) {
                try (var lines = Files.lines(journalFile())) {
                    lines.filter(l -> l.contains("rename.backup")).forEach(atBegin::add);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            if (step.equals("rename") && boundary == Boundary.AFTER_CALL) {
                throw new Crash();
            }
        };
        EntryPlan<String> rename = new EntryPlan<>("+15550001000", "+15550001000",
                List.of(new FakeAction.Rename(world, "+15550001000", "new name")));
        apply(List.of(rename), EngineOptions.defaults(1).withHook(hook));
        assertThat(atBegin).singleElement().asString().contains("\"name\":\"old name\"");

        apply(List.of(rename), EngineOptions.defaults(1));
        try (Journal journal = Journal.open(journalFile())) {
            EntryState state = EntryState.of(journal.view(), "+15550001000");
            assertThat(state.isDone("rename")).isTrue();
            assertThat(state.backup("rename").orElseThrow().path("name").asText())
                    .as("the first backup is kept: it is the state before any attempt").isEqualTo("old name");
        }
    }

    @Test
    void aFailureRollsBackTheDoneStepsByTheirInverses() throws Exception {
        world.fault("rename", "+15550001000", Fault.REFUSE);
        List<EntryReport<String>> reports = apply(plan(2), EngineOptions.defaults(1).withRollbackOnFailure(true));

        assertThat(reports.get(0).status()).isEqualTo(Status.ROLLED_BACK);
        assertThat(reports.get(0).step()).isEqualTo("rename");
        assertThat(reports.get(1).status()).isEqualTo(Status.DONE);
        assertThat(world.owned).doesNotContainKey("+15550001000").containsKey("+15550001001");
        assertThat(phases("+15550001000", Engine.ROLLBACK)).containsExactly("BEGIN", "DONE");
        assertThat(phases("+15550001000", "unbuy")).containsExactly("BEGIN", "DONE");

        List<EntryReport<String>> again = apply(plan(2), EngineOptions.defaults(1));
        assertThat(again.get(0).status()).as("a rolled-back entry is not re-applied").isEqualTo(Status.ROLLED_BACK);
        assertThat(world.calls("buy", "+15550001000")).isEqualTo(1);
    }

    @Test
    void rollbackRestoresWhatABackupHeldAndResumesAfterACrash() throws Exception {
        world.owned.put("+15550001000", "old name");
        EntryPlan<String> rename = new EntryPlan<>("+15550001000", "+15550001000",
                List.of(new FakeAction.Rename(world, "+15550001000", "new name")));
        apply(List.of(rename), EngineOptions.defaults(1));
        assertThat(world.owned).containsEntry("+15550001000", "new name");

        StepHook crash = (entry, step, boundary) -> {
            if (step.equals("restore-name") && boundary == Boundary.AFTER_CALL) {
                throw new Crash();
            }
        };
        try (Journal journal = Journal.open(journalFile())) {
            new Engine(journal, EngineOptions.defaults(1).withHook(crash)).rollback(List.of(rename), "asked",
                    ProgressListener.none());
        }
        EntryReport<String> rolled;
        try (Journal journal = Journal.open(journalFile())) {
            rolled = Engine.reports(new Engine(journal, EngineOptions.defaults(1)).rollback(List.of(rename), "asked",
                    ProgressListener.none())).get(0);
        }
        assertThat(rolled.status()).isEqualTo(Status.ROLLED_BACK);
        assertThat(world.owned).containsEntry("+15550001000", "old name");
        assertThat(world.calls("rename", "+15550001000")).as("restore sent once: the crash came after it").isEqualTo(2);
    }

    @Test
    void anEntryInFlightGoesFirstAndItsReadsInBetween() throws Exception {
        EntryPlan<String> entry = new EntryPlan<>("+15550001000", "+15550001000", List.of(
                new FakeAction.Buy(world, "+15550001000"), new FakeAction.Check(world, "+15550001000"),
                new FakeAction.Rename(world, "+15550001000", "n")));
        world.fault("rename", "+15550001000", Fault.LOSE_ANSWER);
        apply(List.of(entry), EngineOptions.defaults(1));

        assertThat(FakeAction.PRIORITIES).containsEntry("execute buy +15550001000", RequestPriority.LOW)
                .containsEntry("execute check +15550001000", RequestPriority.NORMAL)
                .containsEntry("execute rename +15550001000", RequestPriority.HIGH);
        world.fault("buy", "+15550001001", Fault.LOSE_ANSWER);
        apply(plan(2), EngineOptions.defaults(1));
        assertThat(FakeAction.PRIORITIES).containsEntry("reconcile buy +15550001001", RequestPriority.HIGH);
    }

    @Test
    void progressIsReportedPerEntryThroughTheSchedulersListener() throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        ProgressListener<EntryPlan<String>, EntryReport<String>> listener = new ProgressListener<>() {
            @Override
            public void started(int index, EntryPlan<String> entry, Progress progress) {
                events.add("start " + entry.key());
            }

            @Override
            public void finished(EntryOutcome<EntryPlan<String>, EntryReport<String>> outcome, Progress progress) {
                events.add("done " + outcome.entry().key() + " " + progress.finished() + "/" + progress.total());
            }
        };
        try (Journal journal = Journal.open(journalFile())) {
            new Engine(journal, EngineOptions.defaults(1)).apply(plan(2), listener);
        }
        assertThat(events).containsExactly("start +15550001000", "done +15550001000 1/2", "start +15550001001",
                "done +15550001001 2/2");
    }

    @Test
    void aJournalHoldsOnePlanRecordedBeforeAnyAction() throws Exception {
        try (Journal journal = Journal.open(journalFile())) {
            Engine engine = new Engine(journal, EngineOptions.defaults(1));
            assertThat(engine.recordedPlan()).isEmpty();
            engine.recordPlan(JsonNodeFactory.instance.objectNode().put("kind", "fake"));
            assertThat(engine.recordedPlan().orElseThrow().path("kind").asText()).isEqualTo("fake");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.recordPlan(
                    JsonNodeFactory.instance.objectNode())).hasMessageContaining("already holds a plan");
        }
    }

    @Test
    void statusReadsTheJournalAloneAndRefusesReservedStepNames() throws Exception {
        world.fault("rename", "+15550001001", Fault.REFUSE);
        apply(plan(2), EngineOptions.defaults(1));
        try (Journal journal = Journal.open(journalFile())) {
            Engine engine = new Engine(journal, EngineOptions.defaults(1));
            assertThat(engine.status(plan(3).get(0)).status()).isEqualTo(Status.ALREADY_DONE);
            assertThat(engine.status(plan(3).get(1)).status()).isEqualTo(Status.FAILED);
            assertThat(engine.status(plan(3).get(2)).status()).isEqualTo(Status.NOT_STARTED);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EntryPlan<>("x", "x",
                List.of(new FakeAction.Release(world, "+15550001000", Engine.ROLLBACK))))
                .hasMessageContaining("reserved");
    }
    @Test
    void settlingReadsStateAndNeverExecutes() throws Exception {
        StepHook crashBeforeTheCall = (entry, step, boundary) -> {
            if (step.equals("buy") && boundary == Boundary.AFTER_BEGIN) {
                throw new Crash();
            }
        };
        StepHook crashAfterTheCall = (entry, step, boundary) -> {
            if (step.equals("buy") && boundary == Boundary.AFTER_CALL && entry.endsWith("1")) {
                throw new Crash();
            }
        };
        List<EntryPlan<String>> plan = plan(2);
        apply(plan.subList(0, 1), EngineOptions.defaults(1).withHook(crashBeforeTheCall));
        apply(plan.subList(1, 2), EngineOptions.defaults(1).withHook(crashAfterTheCall));

        List<EntryReport<String>> settled;
        try (Journal journal = Journal.open(journalFile())) {
            settled = Engine.reports(new Engine(journal, EngineOptions.defaults(1)).settle(plan));
        }
        assertThat(settled).extracting(EntryReport::status).containsExactly(Status.FAILED, Status.STARTED);
        assertThat(world.calls("buy", "+15550001000")).isZero();
        assertThat(world.calls("buy", "+15550001001")).isEqualTo(1);
        assertThat(world.calls("rename", "+15550001001")).isZero();
        assertThat(settled.get(1).done().get("buy").path("reconciled").asBoolean()).isTrue();
    }

    @Test
    void performRunsOneActionForAPlannerThatOrdersItsOwnSteps() throws Exception {
        try (Journal journal = Journal.open(journalFile())) {
            Engine engine = new Engine(journal, EngineOptions.defaults(1));
            EntryState state = EntryState.of(journal.view(), "+15550001000");
            assertThat(engine.perform(state, new FakeAction.Buy(world, "+15550001000")))
                    .isInstanceOf(StepOutcome.Done.class);
            assertThat(state.done("buy").orElseThrow().path("id").asText()).isEqualTo("id-+15550001000");
            world.fault("rename", "+15550001000", Fault.REFUSE);
            assertThat(engine.perform(state, new FakeAction.Rename(world, "+15550001000", "n")))
                    .isEqualTo(new StepOutcome.Failed(state.last("rename").map(r -> r.data().path("error").asText())
                            .orElseThrow(), false));
            assertThat(engine.perform(EntryState.of(journal.view(), "+15550001000"),
                    new FakeAction.Buy(world, "+15550001000"))).isInstanceOf(StepOutcome.Done.class);
        }
        assertThat(world.calls("buy", "+15550001000")).isEqualTo(1);
    }
}
