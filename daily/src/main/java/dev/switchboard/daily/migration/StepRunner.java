package dev.switchboard.daily.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.http.ApiException;
import dev.switchboard.core.http.AuthenticationException;
import dev.switchboard.core.http.RequestPriority;
import dev.switchboard.core.http.RetryPolicy;
import dev.switchboard.core.http.Sleeper;
import dev.switchboard.core.journal.Journal;
import dev.switchboard.core.journal.JournalRecord;
import dev.switchboard.core.journal.JournalView;
import dev.switchboard.core.journal.Phase;
import dev.switchboard.daily.migration.StepListener.Boundary;

import java.util.Optional;

/**
 * Performs one step with the journal protocol: BEGIN (durable) → call → DONE. A failed call is never
 * simply repeated: the step's state is read first ({@link Step#reconcile}); an applied effect becomes
 * DONE, an absent one FAILED (and, for steps that allow it, a bounded retry with backoff), and a state
 * that explains neither becomes UNKNOWN. Errors (including a test's simulated crash) pass through untouched.
 */
final class StepRunner {
    /** How a step ended. */
    sealed interface Outcome {
        record Done() implements Outcome {
        }

        /** Definitely not applied. */
        record Failed(String error) implements Outcome {
        }

        /** Could not be settled by reading state. */
        record Unresolved(String reason) implements Outcome {
        }
    }

    private final Journal journal;
    private final StepListener listener;
    private final RetryPolicy retries;
    private final Sleeper sleeper;

    StepRunner(Journal journal, StepListener listener, RetryPolicy retries, Sleeper sleeper) {
        this.journal = journal;
        this.listener = listener;
        this.retries = retries;
        this.sleeper = sleeper;
    }

    Journal journal() {
        return journal;
    }

    /** Runs {@code step} unless the journal shows it done; settles a step left ambiguous by an earlier run first. */
    Outcome perform(EntryContext c, Step step, JournalView view) throws InterruptedException {
        Optional<JournalRecord> last = view.last(c.key(), step.name());
        if (last.isPresent() && last.get().phase() == Phase.DONE) {
            absorb(c, step, last.get().data());
            return new Outcome.Done();
        }
        boolean ambiguous = last.isPresent() && last.get().phase().isAmbiguous();
        if (ambiguous || step.reconcileFirst()) {
            Outcome settled = reconcile(c, step, null);
            if (!(settled instanceof Outcome.Failed)) {
                return settled;
            }
        }
        for (int attempt = 0; ; attempt++) {
            listener.at(c.key(), step.name(), Boundary.BEFORE_BEGIN);
            journal.append(c.key(), step.name(), Phase.BEGIN, beginData(c));
            listener.at(c.key(), step.name(), Boundary.AFTER_BEGIN);
            ObjectNode data;
            try {
                data = step.call(c);
            } catch (AuthenticationException rejected) {
                journal.append(c.key(), step.name(), Phase.FAILED, error(rejected.getMessage()));
                throw rejected;
            } catch (StepCheckException check) {
                journal.append(c.key(), step.name(), Phase.FAILED, error(check.getMessage()));
                return new Outcome.Failed(check.getMessage());
            } catch (RuntimeException failure) {
                Outcome settled = reconcile(c, step, failure);
                if (settled instanceof Outcome.Failed failed && failure instanceof ApiException api
                        && step.retryAfterNotApplied(api) && attempt < retries.maxRetries()) {
                    sleeper.sleep(retries.ceilingFor(attempt));
                    continue;
                }
                return settled;
            }
            listener.at(c.key(), step.name(), Boundary.AFTER_CALL);
            done(c, step, data);
            return new Outcome.Done();
        }
    }

    /**
     * Settles an ambiguous step by reading state only, never calling: DONE when applied, FAILED when not
     * (so it may be performed later), UNKNOWN when unclear. Steps never begun or already settled are left alone.
     */
    Outcome settleOnly(EntryContext c, Step step, JournalView view) {
        Optional<JournalRecord> last = view.last(c.key(), step.name());
        if (last.isEmpty() || last.get().phase() == Phase.FAILED) {
            return new Outcome.Failed("not performed");
        }
        if (last.get().phase() == Phase.DONE) {
            absorb(c, step, last.get().data());
            return new Outcome.Done();
        }
        return reconcile(c, step, null);
    }

    /** Reads state after {@code failure} (null: resuming an ambiguous step) and journals the verdict. */
    private Outcome reconcile(EntryContext c, Step step, RuntimeException failure) {
        String cause = failure == null ? "outcome unknown from an earlier run" : failure.getMessage();
        Reconciliation verdict;
        // Reading state settles a step that may have changed something: as urgent as finishing an entry.
        try (RequestPriority.Scope scope = RequestPriority.HIGH.enter()) {
            verdict = step.reconcile(c);
        } catch (RuntimeException readFailed) {
            String reason = "could not read state to settle it (" + readFailed.getMessage() + "); after: " + cause;
            journal.append(c.key(), step.name(), Phase.UNKNOWN, JsonNodeFactory.instance.objectNode().put("reason", reason));
            return new Outcome.Unresolved(reason);
        }
        if (verdict instanceof Reconciliation.Applied applied) {
            listener.at(c.key(), step.name(), Boundary.AFTER_CALL);
            done(c, step, applied.data().deepCopy().put("reconciled", true));
            return new Outcome.Done();
        }
        if (verdict instanceof Reconciliation.Unresolvable unresolvable) {
            String reason = unresolvable.reason() + "; after: " + cause;
            journal.append(c.key(), step.name(), Phase.UNKNOWN,
                    JsonNodeFactory.instance.objectNode().put("reason", reason));
            return new Outcome.Unresolved(reason);
        }
        if (failure != null) {
            journal.append(c.key(), step.name(), Phase.FAILED, error(failure.getMessage()));
        } else if (!step.reconcileFirst()) {
            journal.append(c.key(), step.name(), Phase.FAILED, error("not applied (" + cause + ")"));
        }
        return new Outcome.Failed(failure == null ? "not applied" : failure.getMessage());
    }

    private void done(EntryContext c, Step step, ObjectNode data) {
        journal.append(c.key(), step.name(), Phase.DONE, data);
        absorb(c, step, data);
        listener.at(c.key(), step.name(), Boundary.AFTER_DONE);
    }

    private static void absorb(EntryContext c, Step step, JsonNode data) {
        step.absorb(c, data);
        c.doneSteps.add(step.name());
    }

    private static ObjectNode beginData(EntryContext c) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        if (c.newPhoneId != null) {
            data.put("new_phone_id", c.newPhoneId);
        }
        if (c.targetConfigId != null) {
            data.put("target_config_id", c.targetConfigId);
        }
        return data;
    }

    static ObjectNode error(String message) {
        return JsonNodeFactory.instance.objectNode().put("error", message == null ? "unknown error" : message);
    }
}
