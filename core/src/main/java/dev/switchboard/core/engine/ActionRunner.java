package dev.switchboard.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.http.ApiException;
import dev.switchboard.core.http.AuthenticationException;
import dev.switchboard.core.http.RequestPriority;
import dev.switchboard.core.journal.Journal;
import dev.switchboard.core.journal.JournalRecord;
import dev.switchboard.core.journal.Phase;
import dev.switchboard.core.engine.StepHook.Boundary;

import java.util.Optional;

/**
 * The journal protocol of one action: (backup) → BEGIN (durable) → execute → DONE. A failed or ambiguous
 * call is never simply repeated: state is read first ({@link Action#reconcile}); an applied effect becomes
 * DONE, an absent one FAILED, and a state that explains neither UNKNOWN. Errors pass through untouched.
 */
final class ActionRunner {
    private final Journal journal;
    private final EngineOptions options;

    ActionRunner(Journal journal, EngineOptions options) {
        this.journal = journal;
        this.options = options;
    }

    /** Runs {@code action} unless done; settles a step an earlier run left ambiguous first. */
    StepOutcome perform(EntryState state, Action action) throws InterruptedException {
        Optional<JournalRecord> last = state.last(action.step());
        if (last.isPresent() && last.get().phase() == Phase.DONE) {
            return new StepOutcome.Done();
        }
        if (last.isPresent() && last.get().phase() == Phase.FAILED && !retryable(last.get().data())) {
            return new StepOutcome.Failed(error(last.get().data()), false);
        }
        boolean ambiguous = last.isPresent() && last.get().phase().isAmbiguous();
        if (ambiguous || action.reconcileFirst()) {
            StepOutcome settled = reconcile(state, action, null);
            if (!(settled instanceof StepOutcome.Failed)) {
                return settled;
            }
        }
        for (int attempt = 0; ; attempt++) {
            if (state.backup(action.step()).isEmpty()) {
                Optional<ObjectNode> backup = action.backup(state);
                if (backup.isPresent()) {
                    append(state, action.step() + Engine.BACKUP_SUFFIX, Phase.DONE, backup.get());
                }
            }
            options.hook().at(state.key(), action.step(), Boundary.BEFORE_BEGIN);
            append(state, action.step(), Phase.BEGIN, action.beginData(state));
            options.hook().at(state.key(), action.step(), Boundary.AFTER_BEGIN);
            ObjectNode data;
            try {
                data = action.execute(state);
            } catch (AuthenticationException rejected) {
                append(state, action.step(), Phase.FAILED, failure(rejected.getMessage(), true));
                throw rejected;
            } catch (RuntimeException failure) {
                if (!action.ambiguous(failure)) {
                    boolean retryable = action.retryableAfter(failure);
                    append(state, action.step(), Phase.FAILED, failure(failure.getMessage(), retryable));
                    return new StepOutcome.Failed(message(failure.getMessage()), retryable);
                }
                StepOutcome settled = reconcile(state, action, failure);
                if (settled instanceof StepOutcome.Failed && failure instanceof ApiException api
                        && action.retryInRun(api) && attempt < options.retries().maxRetries()) {
                    options.sleeper().sleep(options.retries().ceilingFor(attempt));
                    continue;
                }
                return settled;
            }
            options.hook().at(state.key(), action.step(), Boundary.AFTER_CALL);
            done(state, action, data);
            return new StepOutcome.Done();
        }
    }

    /** Settles an ambiguous step by reading state only, never executing (before a rollback). */
    StepOutcome settleOnly(EntryState state, Action action) {
        Optional<JournalRecord> last = state.last(action.step());
        if (last.isEmpty() || last.get().phase() == Phase.FAILED) {
            return new StepOutcome.Failed("not performed", true);
        }
        if (last.get().phase() == Phase.DONE) {
            return new StepOutcome.Done();
        }
        return reconcile(state, action, null);
    }

    /** Reads state after {@code failure} (null: resuming an ambiguous step) and journals the verdict. */
    private StepOutcome reconcile(EntryState state, Action action, RuntimeException failure) {
        String cause = failure == null ? "outcome unknown from an earlier run" : message(failure.getMessage());
        Verdict verdict;
        // Reading state settles a step that may have changed something: as urgent as finishing an entry.
        try (RequestPriority.Scope scope = RequestPriority.HIGH.enter()) {
            verdict = action.reconcile(state);
        } catch (RuntimeException readFailed) {
            String reason = "could not read state to settle it (" + message(readFailed.getMessage()) + "); after: "
                    + cause;
            append(state, action.step(), Phase.UNKNOWN, JsonNodeFactory.instance.objectNode().put("reason", reason));
            return new StepOutcome.Unresolved(reason);
        }
        if (verdict instanceof Verdict.Done applied) {
            options.hook().at(state.key(), action.step(), Boundary.AFTER_CALL);
            done(state, action, applied.data().deepCopy().put("reconciled", true));
            return new StepOutcome.Done();
        }
        if (verdict instanceof Verdict.Conflict conflict) {
            String reason = conflict.reason() + "; after: " + cause;
            append(state, action.step(), Phase.UNKNOWN, JsonNodeFactory.instance.objectNode().put("reason", reason));
            return new StepOutcome.Unresolved(reason);
        }
        if (failure != null) {
            append(state, action.step(), Phase.FAILED, failure(failure.getMessage(), true).put("reconciled", true));
        } else if (!action.reconcileFirst()) {
            append(state, action.step(), Phase.FAILED, failure("not applied (" + cause + ")", true));
        }
        return new StepOutcome.Failed(failure == null ? "not applied" : message(failure.getMessage()), true);
    }

    private void done(EntryState state, Action action, ObjectNode data) {
        append(state, action.step(), Phase.DONE, data);
        options.hook().at(state.key(), action.step(), Boundary.AFTER_DONE);
    }

    void append(EntryState state, String step, Phase phase, JsonNode data) {
        state.record(journal.append(state.key(), step, phase, data));
    }

    /** A FAILED record's data: the error, and whether a later run may try again. */
    static ObjectNode failure(String error, boolean retryable) {
        return JsonNodeFactory.instance.objectNode().put("error", message(error)).put("retryable", retryable);
    }

    /** Journals written before the engine name the error {@code detail} and may leave out {@code retryable}. */
    static String error(JsonNode data) {
        JsonNode text = data.hasNonNull("error") ? data.get("error") : data.get("detail");
        return text == null ? "failed" : text.asText();
    }

    private static boolean retryable(JsonNode data) {
        return data.path("retryable").asBoolean(true);
    }

    private static String message(String text) {
        return text == null || text.isBlank() ? "unknown error" : text;
    }
}
