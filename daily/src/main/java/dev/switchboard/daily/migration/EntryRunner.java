package dev.switchboard.daily.migration;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.switchboard.core.engine.Engine;
import dev.switchboard.core.engine.StepOutcome;
import dev.switchboard.core.http.AuthenticationException;
import dev.switchboard.core.http.RequestPriority;
import dev.switchboard.core.journal.Journal;
import dev.switchboard.core.journal.JournalRecord;
import dev.switchboard.core.journal.JournalView;
import dev.switchboard.core.journal.Phase;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Runs one entry forward (apply) or backward (rollback) from wherever the journal says it stands.
 * Stateless between entries, so one instance serves every worker thread.
 */
final class EntryRunner {
    private final StepRunner steps;
    private final MigrationSession session;
    private final Clock clock;
    private final TransferPlan plan;
    private final SourceObserver observer;

    EntryRunner(StepRunner steps, MigrationSession session, Clock clock, TransferPlan plan, SourceObserver observer) {
        this.steps = steps;
        this.session = session;
        this.clock = clock;
        this.plan = plan;
        this.observer = observer;
    }

    private Journal journal() {
        return steps.journal();
    }

    /** Moves the entry, resuming after any earlier run; a rollback in progress is continued instead. */
    EntryResult apply(PlanEntry planned, FailurePolicy policy) throws InterruptedException {
        JournalView view = journal().view(planned.key());
        EntryResult before = EntrySteps.fromJournal(planned, view);
        if (before.status().isFinal()) {
            return before.earlier();
        }
        if (before.status() == EntryStatus.ROLLING_BACK || before.status() == EntryStatus.ROLLBACK_FAILED) {
            return rollback(context(planned, EntryStart.in(view, planned.key())),
                    "continuing the rollback of an earlier run");
        }
        Optional<EntryStart> start = EntryStart.in(view, planned.key());
        if (!EntryStart.removalBegun(view, planned.key())) {
            boolean locked = EntryStart.locked(view, planned.key());
            List<ObservedConfig> observed;
            try {
                observed = observer.configsOf(planned);
            } catch (AuthenticationException rejected) {
                throw rejected;
            } catch (RuntimeException unreadable) {
                if (!locked || start.isEmpty()) {
                    return new EntryResult(before.entry(), before.status(), before.step(), "could not read the source "
                            + "to back up the entry's configs (" + unreadable.getMessage() + "); nothing was changed "
                            + "by this run", before.newPhoneId(), before.targetConfigId(), before.targetSipUri(),
                            before.restoredPhoneId(), false, clock.instant());
                }
                observed = List.of();
            }
            Optional<String> mismatch = locked ? Optional.empty() : SourceObserver.mismatch(planned, observed);
            if (mismatch.isPresent()) {
                journal().append(planned.key(), EntryStart.STEP, Phase.FAILED, StepRunner.error(mismatch.get()));
                return new EntryResult(planned, EntryStatus.FAILED, EntryStart.STEP, mismatch.get(), null, null, null,
                        null, false, clock.instant());
            }
            start = Optional.of(journalStart(planned, start, locked, observed));
        }
        EntryContext context = context(planned, start);
        PlanEntry entry = context.entry;
        List<Step> forward = EntrySteps.forward(entry);
        for (Step step : forward) {
            StepOutcome outcome;
            try (RequestPriority.Scope scope = priority(step, context, view).enter()) {
                outcome = steps.perform(context, step, view);
            }
            if (outcome instanceof StepOutcome.Unresolved unresolved) {
                return result(context, EntryStatus.UNRESOLVED, step.name(), unresolved.reason());
            }
            if (outcome instanceof StepOutcome.Failed failed) {
                boolean changed = forward.stream().anyMatch(s -> s.changesState() && context.doneSteps.contains(s.name()));
                if (!changed) {
                    return result(context, EntryStatus.FAILED, step.name(), failed.error());
                }
                FailurePolicy.Decision decision = policy.decide(entry, step.name(), failed.error());
                if (decision == FailurePolicy.Decision.ROLLBACK) {
                    EntryResult rolled = rollback(context, step.name() + " failed: " + failed.error());
                    return rolled.status() == EntryStatus.ROLLED_BACK
                            ? withMessage(rolled, step.name(), step.name() + " failed: " + failed.error()) : rolled;
                }
                return result(context, EntryStatus.LEFT, step.name(), failed.error());
            }
        }
        return result(context, EntryStatus.MIGRATED, null, null);
    }

    /** The engine's rule ({@link Engine#priority}); an entry has progressed once a step besides its start record began. */
    static RequestPriority priority(Step step, EntryContext context, JournalView view) {
        return Engine.priority(new StepAction(step, context),
                !context.doneSteps.isEmpty() || EntryStart.progressed(view, context.key()));
    }

    /**
     * The start record this run keeps for the entry: the earlier one when nothing changed, else a new one
     * (durable before the entry's next request) with the backup observed now. A locked entry keeps the plan
     * content it started with (apply refuses to run when the plan changed it); an observation that finds
     * nothing keeps the earlier backup.
     */
    private EntryStart journalStart(PlanEntry planned, Optional<EntryStart> earlier, boolean locked,
                                    List<ObservedConfig> observed) {
        EntryStart fresh = EntryStart.of(plan, planned, observed);
        if (earlier.isPresent()) {
            EntryStart old = earlier.get();
            List<ObservedConfig> backup = observed.isEmpty() ? old.observed() : observed;
            boolean sameEntry = Observation.canonical(old.entry()).equals(Observation.canonical(fresh.entry()));
            if ((locked || sameEntry) && EntryStart.sameConfigs(backup, old.observed())) {
                return old;
            }
            fresh = locked ? old.withObserved(backup) : fresh.withObserved(backup);
        } else if (observed.isEmpty() && locked) {
            fresh = fresh.withObserved(EntryStart.fromPlan(planned));
        }
        journal().append(planned.key(), EntryStart.STEP, Phase.DONE, fresh.toJson());
        return fresh;
    }

    /** The entry as it is worked on (with observed duplicates) and its backup (the plan's configs for old journals). */
    private EntryContext context(PlanEntry planned, Optional<EntryStart> start) {
        List<ObservedConfig> backup = start.map(EntryStart::observed).orElseGet(() -> EntryStart.fromPlan(planned));
        EntryStart record = start.orElse(null);
        return new EntryContext(EntryStart.working(planned, start), session, backup, updated -> {
            EntryStart base = record != null ? record : EntryStart.of(plan, planned, updated);
            journal().append(planned.key(), EntryStart.STEP, Phase.DONE, base.withObserved(updated).toJson());
        });
    }

    /** Undoes whatever the entry has done; nothing to do for an entry that changed nothing. */
    EntryResult rollback(PlanEntry entry, String reason) throws InterruptedException {
        JournalView view = journal().view(entry.key());
        EntryResult before = EntrySteps.fromJournal(entry, view);
        if (before.status() == EntryStatus.PENDING || before.status() == EntryStatus.FAILED
                || before.status() == EntryStatus.ROLLED_BACK) {
            return before.earlier();
        }
        return rollback(context(entry, EntryStart.in(view, entry.key())), reason);
    }

    private EntryResult rollback(EntryContext context, String reason) throws InterruptedException {
        String key = context.key();
        Optional<JournalRecord> marker = journal().view(key).last(key, Step.ROLLBACK);
        if (marker.isEmpty() || marker.get().phase() != Phase.BEGIN) {
            journal().append(key, Step.ROLLBACK, Phase.BEGIN, JsonNodeFactory.instance.objectNode().put("reason", reason));
        }
        JournalView view = journal().view(key);
        for (Step step : EntrySteps.forward(context.entry)) {
            if (steps.settleOnly(context, step, view) instanceof StepOutcome.Unresolved unresolved) {
                return rollbackFailed(context, step.name(), "cannot roll back while " + step.name()
                        + " is unsettled: " + unresolved.reason());
            }
        }
        view = journal().view(key);
        for (Step step : EntrySteps.rollback(context.entry, context.doneSteps)) {
            StepOutcome outcome;
            try (RequestPriority.Scope scope = RequestPriority.HIGH.enter()) {
                outcome = steps.perform(context, step, view);
            }
            if (outcome instanceof StepOutcome.Failed failed) {
                return rollbackFailed(context, step.name(), failed.error());
            }
            if (outcome instanceof StepOutcome.Unresolved unresolved) {
                return rollbackFailed(context, step.name(), unresolved.reason());
            }
        }
        journal().append(key, Step.ROLLBACK, Phase.DONE, JsonNodeFactory.instance.objectNode());
        return result(context, EntryStatus.ROLLED_BACK, null, reason);
    }

    private EntryResult rollbackFailed(EntryContext context, String step, String error) {
        journal().append(context.key(), Step.ROLLBACK, Phase.FAILED, StepRunner.error(step + ": " + error));
        return result(context, EntryStatus.ROLLBACK_FAILED, step, error);
    }

    private EntryResult result(EntryContext c, EntryStatus status, String step, String message) {
        return new EntryResult(c.entry, status, step, message, c.newPhoneId, c.targetConfigId, c.targetSipUri,
                c.restoredPhoneId, false, clock.instant());
    }

    private static EntryResult withMessage(EntryResult r, String step, String message) {
        return new EntryResult(r.entry(), r.status(), step, message, r.newPhoneId(), r.targetConfigId(),
                r.targetSipUri(), r.restoredPhoneId(), r.fromEarlierRun(), r.at());
    }
}
