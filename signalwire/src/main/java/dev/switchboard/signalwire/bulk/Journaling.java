package dev.switchboard.signalwire.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.journal.Journal;
import dev.switchboard.core.journal.JournalRecord;
import dev.switchboard.core.journal.JournalView;
import dev.switchboard.core.journal.Phase;

import dev.switchboard.core.plan.EntryOutcome;
import dev.switchboard.core.plan.RunResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The journal layout shared by bulk purchases and updates: a plan record first, then per-entry steps. */
final class Journaling {
    static final String PLAN_ENTRY = "plan";
    static final String PLAN_STEP = "plan";

    private Journaling() {
    }

    static ObjectNode data() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** The plan this journal was started with, if any. */
    static Optional<JsonNode> plan(Journal journal) {
        return journal.view().last(PLAN_ENTRY, PLAN_STEP).filter(r -> r.phase() == Phase.DONE).map(JournalRecord::data);
    }

    /** Stores the plan; a journal holds one plan only. */
    static void recordPlan(Journal journal, JsonNode plan) {
        if (plan(journal).isPresent()) {
            throw new IllegalStateException("journal " + journal.path() + " already holds a plan; resume it or use"
                    + " another journal");
        }
        journal.append(PLAN_ENTRY, PLAN_STEP, Phase.DONE, plan);
    }

    /**
     * Whether every entry's {@code step} ended (done, or failed for good): nothing was left mid-way or unknown, so
     * the journal has nothing to resume. A journal without a plan is not finished: it has not started.
     */
    static boolean finished(Journal journal, List<String> entries, String step) {
        JournalView view = journal.view();
        return plan(journal).isPresent() && entries.stream().allMatch(entry -> view.phase(entry, step)
                .map(phase -> phase == Phase.DONE || phase == Phase.FAILED).orElse(false));
    }

    static String text(JournalRecord record, String field) {
        JsonNode value = record.data().get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    /** One result per entry: the work's own result, or UNKNOWN for a stopped entry, NOT_STARTED for the rest. */
    static <E> List<EntryResult> results(RunResult<E, EntryResult> run, Function<E, String> entryName,
                                         Function<E, String> number) {
        List<EntryResult> results = new ArrayList<>();
        for (EntryOutcome<E, EntryResult> outcome : run.outcomes()) {
            E entry = outcome.entry();
            if (outcome instanceof EntryOutcome.Succeeded<E, EntryResult> done) {
                results.add(done.value());
            } else if (outcome instanceof EntryOutcome.Failed<E, EntryResult> failed) {
                results.add(new EntryResult(entryName.apply(entry), number.apply(entry), EntryResult.Outcome.UNKNOWN,
                        null, "stopped: " + describe(failed.error())));
            } else {
                results.add(new EntryResult(entryName.apply(entry), number.apply(entry),
                        EntryResult.Outcome.NOT_STARTED, null, run.stopReason().orElse("stopped")));
            }
        }
        return results;
    }
}
