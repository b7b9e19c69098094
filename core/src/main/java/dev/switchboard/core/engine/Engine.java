package dev.switchboard.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.switchboard.core.http.RequestPriority;
import dev.switchboard.core.journal.Journal;
import dev.switchboard.core.journal.JournalRecord;
import dev.switchboard.core.journal.JournalView;
import dev.switchboard.core.journal.Phase;
import dev.switchboard.core.plan.EntryScheduler;
import dev.switchboard.core.plan.ProgressListener;
import dev.switchboard.core.plan.RunResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The one plan/apply engine: runs the entries of a plan (each an ordered list of {@link Action}s) on the
 * {@link EntryScheduler}, every step journaled (BEGIN durable before the call, DONE, FAILED or UNKNOWN
 * after), so that a run stopped anywhere — Ctrl-C, a crash, a lost answer — resumes by skipping done steps
 * and reconciling ambiguous ones by reading state. Planners (bulk buy, bulk update, inventory apply, the
 * migration) only produce plans; see docs/engine.md for the journal layout.
 *
 * <p>Requests of an entry that has not begun wait ({@link RequestPriority#LOW}) behind writes of entries in
 * flight ({@link RequestPriority#HIGH}), so a half-changed entry is finished first when the rate budget is
 * the bottleneck. One instance serves one journal; {@link #apply} and {@link #rollback} may run one after
 * another.
 */
public final class Engine {
    /** The step of an entry's rollback marker (BEGIN, then DONE or FAILED). */
    public static final String ROLLBACK = "rollback";
    /** Appended to a step name for the record holding what the step destroys. */
    public static final String BACKUP_SUFFIX = ".backup";
    /** The entry and step of the record holding the plan a journal was started with. */
    public static final String PLAN = "plan";
    static final Set<String> RESERVED_STEPS = Set.of(ROLLBACK);

    private final Journal journal;
    private final EngineOptions options;
    private final ActionRunner runner;

    public Engine(Journal journal, EngineOptions options) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.options = Objects.requireNonNull(options, "options");
        this.runner = new ActionRunner(journal, options);
    }

    public Journal journal() {
        return journal;
    }

    /** The plan this journal was started with, if any: a run to resume. */
    public Optional<JsonNode> recordedPlan() {
        return journal.view(PLAN).last(PLAN, PLAN).filter(r -> r.phase() == Phase.DONE).map(JournalRecord::data);
    }

    /** Makes {@code plan} durable as the journal's plan, before any action; a journal holds one plan. */
    public void recordPlan(JsonNode plan) {
        if (recordedPlan().isPresent()) {
            throw new IllegalStateException("journal " + journal.path() + " already holds a plan; resume it or use"
                    + " another journal");
        }
        journal.append(PLAN, PLAN, Phase.DONE, plan);
    }

    /** Runs every entry not yet done, resuming from the journal; one report per entry, in plan order. */
    public <S> RunResult<EntryPlan<S>, EntryReport<S>> apply(List<EntryPlan<S>> entries,
                                                            ProgressListener<EntryPlan<S>, EntryReport<S>> progress) {
        return schedule(entries, progress, this::applyEntry);
    }

    /** Undoes the done steps of {@code entries} by their inverses, last step first, resuming a rollback. */
    public <S> RunResult<EntryPlan<S>, EntryReport<S>> rollback(List<EntryPlan<S>> entries, String reason,
                                                               ProgressListener<EntryPlan<S>, EntryReport<S>> progress) {
        return schedule(entries, progress, entry -> rollbackEntry(entry, EntryState.of(journal.view(entry.key()),
                entry.key()), reason));
    }

    /**
     * Settles the steps of {@code entries} that an earlier run left ambiguous, by reading state only: never
     * executes. For planners that decide what to do next from what really happened (a new attempt rather
     * than the same one again).
     */
    public <S> RunResult<EntryPlan<S>, EntryReport<S>> settle(List<EntryPlan<S>> entries) {
        return schedule(entries, ProgressListener.none(), entry -> {
            EntryState state = EntryState.of(journal.view(entry.key()), entry.key());
            try (RequestPriority.Scope scope = RequestPriority.HIGH.enter()) {
                entry.actions().forEach(action -> runner.settleOnly(state, action));
            }
            return status(entry, state);
        });
    }

    /**
     * Runs one action with the engine's journal protocol, for a planner that orders an entry's steps itself
     * (the migration: its steps depend on a failure policy and on which configs a backup holds). Skips a done
     * step, settles an ambiguous one by reading first; {@code state} is kept current.
     */
    public StepOutcome perform(EntryState state, Action action) throws InterruptedException {
        return runner.perform(state, action);
    }

    /** Settles {@code action} if an earlier run left it ambiguous, by reading state only (before a rollback). */
    public StepOutcome settle(EntryState state, Action action) {
        return runner.settleOnly(state, action);
    }

    /** Where {@code entry} stands according to the journal alone (no request). */
    public <S> EntryReport<S> status(EntryPlan<S> entry) {
        return status(entry, EntryState.of(journal.view(entry.key()), entry.key()));
    }

    /** {@link #status(EntryPlan)} from a view read earlier (e.g. of a journal another process holds). */
    public static <S> EntryReport<S> status(EntryPlan<S> entry, JournalView view) {
        return status(entry, EntryState.of(view, entry.key()));
    }

    private interface EntryWork<S> {
        EntryReport<S> run(EntryPlan<S> entry) throws InterruptedException;
    }

    private <S> RunResult<EntryPlan<S>, EntryReport<S>> schedule(List<EntryPlan<S>> entries,
                                                                ProgressListener<EntryPlan<S>, EntryReport<S>> progress,
                                                                EntryWork<S> work) {
        EntryScheduler<EntryPlan<S>, EntryReport<S>> scheduler = new EntryScheduler<>(options.concurrency(), progress,
                options.stopOnFailure());
        return scheduler.run(entries, work::run);
    }

    private <S> EntryReport<S> applyEntry(EntryPlan<S> entry) throws InterruptedException {
        EntryState state = EntryState.of(journal.view(entry.key()), entry.key());
        EntryReport<S> before = status(entry, state);
        if (before.status() == EntryReport.Status.ALREADY_DONE || before.status() == EntryReport.Status.ROLLED_BACK) {
            return before;
        }
        List<String> steps = entry.actions().stream().map(Action::step).toList();
        for (Action action : entry.actions()) {
            StepOutcome outcome;
            try (RequestPriority.Scope scope = priority(action, state.progressed(steps)).enter()) {
                outcome = runner.perform(state, action);
            }
            if (outcome instanceof StepOutcome.Failed failed) {
                return stopped(entry, state, action, EntryReport.Status.FAILED, failed.error());
            }
            if (outcome instanceof StepOutcome.Unresolved unresolved) {
                return stopped(entry, state, action, EntryReport.Status.UNKNOWN, unresolved.reason());
            }
        }
        return report(entry, state, EntryReport.Status.DONE, null, null);
    }

    /** A failed entry stays as it is unless rollback on failure is on and something was done. */
    private <S> EntryReport<S> stopped(EntryPlan<S> entry, EntryState state, Action action, EntryReport.Status status,
                                       String detail) throws InterruptedException {
        boolean changed = entry.actions().stream().anyMatch(a -> state.isDone(a.step()));
        if (!options.rollbackOnFailure() || !changed || status == EntryReport.Status.UNKNOWN) {
            return report(entry, state, status, action.step(), detail);
        }
        EntryReport<S> rolled = rollbackEntry(entry, state, action.step() + " failed: " + detail);
        return rolled.status() == EntryReport.Status.ROLLED_BACK
                ? report(entry, state, EntryReport.Status.ROLLED_BACK, action.step(), action.step() + " failed: " + detail)
                : rolled;
    }

    private <S> EntryReport<S> rollbackEntry(EntryPlan<S> entry, EntryState state, String reason) {
        EntryReport<S> before = status(entry, state);
        if (before.status() == EntryReport.Status.ROLLED_BACK || before.status() == EntryReport.Status.NOT_STARTED
                || !state.progressed(entry.actions().stream().map(Action::step).toList())) {
            return before;
        }
        if (state.last(ROLLBACK).map(r -> r.phase() != Phase.BEGIN).orElse(true)) {
            runner.append(state, ROLLBACK, Phase.BEGIN, JsonNodeFactory.instance.objectNode().put("reason", reason));
        }
        try (RequestPriority.Scope scope = RequestPriority.HIGH.enter()) {
            for (Action action : entry.actions()) {
                if (runner.settleOnly(state, action) instanceof StepOutcome.Unresolved unresolved) {
                    return rollbackFailed(entry, state, action.step(), "cannot roll back while " + action.step()
                            + " is unsettled: " + unresolved.reason());
                }
            }
            for (int i = entry.actions().size() - 1; i >= 0; i--) {
                Action action = entry.actions().get(i);
                Optional<Action> inverse = state.isDone(action.step()) ? action.inverse(state) : Optional.empty();
                if (inverse.isEmpty()) {
                    continue;
                }
                StepOutcome outcome = runner.perform(state, inverse.get());
                if (outcome instanceof StepOutcome.Failed failed) {
                    return rollbackFailed(entry, state, inverse.get().step(), failed.error());
                }
                if (outcome instanceof StepOutcome.Unresolved unresolved) {
                    return rollbackFailed(entry, state, inverse.get().step(), unresolved.reason());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return rollbackFailed(entry, state, ROLLBACK, "interrupted");
        }
        runner.append(state, ROLLBACK, Phase.DONE, JsonNodeFactory.instance.objectNode());
        return report(entry, state, EntryReport.Status.ROLLED_BACK, null, reason);
    }

    private <S> EntryReport<S> rollbackFailed(EntryPlan<S> entry, EntryState state, String step, String error) {
        runner.append(state, ROLLBACK, Phase.FAILED, ActionRunner.failure(step + ": " + error, true));
        return report(entry, state, EntryReport.Status.ROLLBACK_FAILED, step, error);
    }

    /**
     * The first request of an entry nothing has happened to yet can wait; a write once it has begun is
     * urgent (between two writes the number may be half-configured); a read is in between.
     */
    public static RequestPriority priority(Action action, boolean entryProgressed) {
        if (!entryProgressed) {
            return RequestPriority.LOW;
        }
        return action.changesState() ? RequestPriority.HIGH : RequestPriority.NORMAL;
    }

    private static <S> EntryReport<S> status(EntryPlan<S> entry, EntryState state) {
        Optional<JournalRecord> rollback = state.last(ROLLBACK);
        if (rollback.isPresent()) {
            return switch (rollback.get().phase()) {
                case DONE -> report(entry, state, EntryReport.Status.ROLLED_BACK, null,
                        rollback.get().data().path("reason").asText(null));
                case FAILED -> report(entry, state, EntryReport.Status.ROLLBACK_FAILED, null,
                        ActionRunner.error(rollback.get().data()));
                default -> report(entry, state, EntryReport.Status.UNKNOWN, ROLLBACK, "a rollback did not finish");
            };
        }
        boolean any = false;
        for (Action action : entry.actions()) {
            Optional<JournalRecord> last = state.last(action.step());
            if (last.isEmpty()) {
                return any ? report(entry, state, EntryReport.Status.STARTED, action.step(), "not begun yet")
                        : report(entry, state, EntryReport.Status.NOT_STARTED, null, null);
            }
            any = true;
            switch (last.get().phase()) {
                case DONE -> {
                }
                case FAILED -> {
                    return report(entry, state, EntryReport.Status.FAILED, action.step(),
                            ActionRunner.error(last.get().data()));
                }
                default -> {
                    return report(entry, state, EntryReport.Status.UNKNOWN, action.step(),
                            last.get().data().path("reason").asText("outcome unknown"));
                }
            }
        }
        return report(entry, state, EntryReport.Status.ALREADY_DONE, null, null);
    }

    private static <S> EntryReport<S> report(EntryPlan<S> entry, EntryState state, EntryReport.Status status,
                                             String step, String detail) {
        Map<String, JsonNode> done = new LinkedHashMap<>();
        for (Action action : entry.actions()) {
            state.done(action.step()).ifPresent(data -> done.put(action.step(), data));
        }
        return new EntryReport<>(entry.key(), entry.subject(), status, step, detail, done);
    }

    /** Reports for a run: the work's own, or for entries a stop left out, NOT_STARTED or UNKNOWN with why. */
    public static <S> List<EntryReport<S>> reports(RunResult<EntryPlan<S>, EntryReport<S>> run) {
        List<EntryReport<S>> reports = new ArrayList<>();
        for (var outcome : run.outcomes()) {
            EntryPlan<S> entry = outcome.entry();
            if (outcome instanceof dev.switchboard.core.plan.EntryOutcome.Succeeded<EntryPlan<S>, EntryReport<S>> ok) {
                reports.add(ok.value());
            } else if (outcome instanceof dev.switchboard.core.plan.EntryOutcome.Failed<EntryPlan<S>, EntryReport<S>> f) {
                String message = f.error().getMessage();
                reports.add(new EntryReport<>(entry.key(), entry.subject(), EntryReport.Status.UNKNOWN, null,
                        "stopped: " + (message == null || message.isBlank() ? f.error().getClass().getSimpleName()
                                : message), Map.of()));
            } else {
                reports.add(new EntryReport<>(entry.key(), entry.subject(), EntryReport.Status.NOT_STARTED, null,
                        run.stopReason().orElse("stopped"), Map.of()));
            }
        }
        return reports;
    }
}
