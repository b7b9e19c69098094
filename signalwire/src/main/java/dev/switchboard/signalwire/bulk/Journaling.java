package dev.switchboard.signalwire.bulk;

import dev.switchboard.core.engine.Engine;
import dev.switchboard.core.engine.EngineOptions;
import dev.switchboard.core.engine.EntryPlan;
import dev.switchboard.core.engine.EntryReport;
import dev.switchboard.core.engine.StepHook;
import dev.switchboard.core.journal.Journal;

import java.util.List;

/** What bulk purchases and updates share: an engine over their journal, and when a journal is finished. */
final class Journaling {
    private Journaling() {
    }

    /**
     * An engine that stops the run at any thrown failure (a crash in a test, a rejected key), with the apply
     * hook called after a provider call and before its DONE record.
     */
    static Engine engine(Journal journal, int concurrency, ApplyHook hook) {
        StepHook steps = (entry, step, boundary) -> {
            if (boundary == StepHook.Boundary.AFTER_CALL) {
                hook.beforeDone(entry, step);
            }
        };
        return new Engine(journal, EngineOptions.defaults(concurrency).withStopOnFailure(failure -> true).withHook(steps));
    }

    /**
     * Whether every entry ended (done, or failed for good): nothing was left mid-way or unknown, so the journal
     * has nothing to resume. A journal without a plan is not finished: it has not started.
     */
    static <S> boolean finished(Engine engine, List<EntryPlan<S>> entries) {
        return engine.recordedPlan().isPresent() && entries.stream().map(engine::status).map(EntryReport::status)
                .allMatch(status -> status == EntryReport.Status.ALREADY_DONE || status == EntryReport.Status.FAILED);
    }
}
