package dev.switchboard.daily.migration;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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

    EntryRunner(StepRunner steps, MigrationSession session, Clock clock) {
        this.steps = steps;
        this.session = session;
        this.clock = clock;
    }

    private Journal journal() {
        return steps.journal();
    }

    /** Moves the entry, resuming after any earlier run; a rollback in progress is continued instead. */
    EntryResult apply(PlanEntry entry, FailurePolicy policy) throws InterruptedException {
        JournalView view = journal().view(entry.key());
        EntryResult before = EntrySteps.fromJournal(entry, view);
        if (before.status().isFinal()) {
            return before.earlier();
        }
        EntryContext context = new EntryContext(entry, session);
        if (before.status() == EntryStatus.ROLLING_BACK || before.status() == EntryStatus.ROLLBACK_FAILED) {
            return rollback(context, "continuing the rollback of an earlier run");
        }
        List<Step> forward = EntrySteps.forward(entry);
        for (Step step : forward) {
            StepRunner.Outcome outcome;
            try (RequestPriority.Scope scope = priority(step, context, view).enter()) {
                outcome = steps.perform(context, step, view);
            }
            if (outcome instanceof StepRunner.Outcome.Unresolved unresolved) {
                return result(context, EntryStatus.UNRESOLVED, step.name(), unresolved.reason());
            }
            if (outcome instanceof StepRunner.Outcome.Failed failed) {
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

    /**
     * The first request of an entry nothing has happened to yet can wait ({@code LOW}); a step that changes
     * state once the entry has started is urgent ({@code HIGH}: between the transfer and the new config the
     * number has no routing); reading back is {@code NORMAL}.
     */
    static RequestPriority priority(Step step, EntryContext context, JournalView view) {
        if (context.doneSteps.isEmpty() && view.steps(context.key()).isEmpty()) {
            return RequestPriority.LOW;
        }
        return step.changesState() ? RequestPriority.HIGH : RequestPriority.NORMAL;
    }

    /** Undoes whatever the entry has done; nothing to do for an entry that changed nothing. */
    EntryResult rollback(PlanEntry entry, String reason) throws InterruptedException {
        EntryResult before = EntrySteps.fromJournal(entry, journal().view(entry.key()));
        if (before.status() == EntryStatus.PENDING || before.status() == EntryStatus.FAILED
                || before.status() == EntryStatus.ROLLED_BACK) {
            return before.earlier();
        }
        return rollback(new EntryContext(entry, session), reason);
    }

    private EntryResult rollback(EntryContext context, String reason) throws InterruptedException {
        String key = context.key();
        Optional<JournalRecord> marker = journal().view(key).last(key, Step.ROLLBACK);
        if (marker.isEmpty() || marker.get().phase() != Phase.BEGIN) {
            journal().append(key, Step.ROLLBACK, Phase.BEGIN, JsonNodeFactory.instance.objectNode().put("reason", reason));
        }
        JournalView view = journal().view(key);
        for (Step step : EntrySteps.forward(context.entry)) {
            if (steps.settleOnly(context, step, view) instanceof StepRunner.Outcome.Unresolved unresolved) {
                return rollbackFailed(context, step.name(), "cannot roll back while " + step.name()
                        + " is unsettled: " + unresolved.reason());
            }
        }
        view = journal().view(key);
        for (Step step : EntrySteps.rollback(context.entry, context.doneSteps)) {
            StepRunner.Outcome outcome;
            try (RequestPriority.Scope scope = RequestPriority.HIGH.enter()) {
                outcome = steps.perform(context, step, view);
            }
            if (outcome instanceof StepRunner.Outcome.Failed failed) {
                return rollbackFailed(context, step.name(), failed.error());
            }
            if (outcome instanceof StepRunner.Outcome.Unresolved unresolved) {
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
