package dev.switchboard.daily.migration;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.engine.Engine;
import dev.switchboard.core.engine.EngineOptions;
import dev.switchboard.core.engine.EntryState;
import dev.switchboard.core.engine.StepHook;
import dev.switchboard.core.engine.StepOutcome;
import dev.switchboard.core.http.RetryPolicy;
import dev.switchboard.core.http.Sleeper;
import dev.switchboard.core.journal.Journal;
import dev.switchboard.core.journal.JournalView;

/**
 * Performs one step of an entry on the {@link Engine}'s journal protocol (BEGIN durable → call → DONE; after
 * a failure or a lost answer, state is read before anything is sent again) and takes what its DONE record
 * kept into the entry's context. Errors (including a test's simulated crash) pass through untouched.
 */
final class StepRunner {
    private final Journal journal;
    private final Engine engine;

    StepRunner(Journal journal, StepListener listener, RetryPolicy retries, Sleeper sleeper) {
        this.journal = journal;
        StepHook hook = (entry, step, boundary) -> listener.at(entry, step, StepListener.Boundary.valueOf(boundary.name()));
        this.engine = new Engine(journal, EngineOptions.defaults(1).withRetries(retries, sleeper).withHook(hook));
    }

    Journal journal() {
        return journal;
    }

    /** Runs {@code step} unless the journal shows it done; settles a step left ambiguous by an earlier run first. */
    StepOutcome perform(EntryContext c, Step step, JournalView view) throws InterruptedException {
        EntryState state = EntryState.of(view, c.key());
        return absorbed(c, step, state, engine.perform(state, new StepAction(step, c)));
    }

    /**
     * Settles an ambiguous step by reading state only, never calling: DONE when applied, FAILED when not
     * (so it may be performed later), UNKNOWN when unclear. Steps never begun or already settled are left alone.
     */
    StepOutcome settleOnly(EntryContext c, Step step, JournalView view) {
        EntryState state = EntryState.of(view, c.key());
        return absorbed(c, step, state, engine.settle(state, new StepAction(step, c)));
    }

    private static StepOutcome absorbed(EntryContext c, Step step, EntryState state, StepOutcome outcome) {
        if (outcome instanceof StepOutcome.Done) {
            step.absorb(c, state.done(step.name()).orElseThrow());
            c.doneSteps.add(step.name());
        }
        return outcome;
    }

    static ObjectNode error(String message) {
        return JsonNodeFactory.instance.objectNode().put("error", message == null ? "unknown error" : message);
    }
}
