package dev.switchboard.signalwire.bulk;

import dev.switchboard.core.http.ApiException;
import dev.switchboard.core.http.AuthenticationException;
import dev.switchboard.core.http.NotFoundException;
import dev.switchboard.core.journal.Journal;
import dev.switchboard.core.journal.JournalView;
import dev.switchboard.core.journal.Phase;
import dev.switchboard.core.plan.EntryScheduler;
import dev.switchboard.core.plan.ProgressListener;
import dev.switchboard.core.plan.RunResult;
import dev.switchboard.signalwire.NumberFilter;
import dev.switchboard.signalwire.PhoneNumber;
import dev.switchboard.signalwire.PhoneNumberUpdate;
import dev.switchboard.signalwire.SignalWireClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies one partial update to many numbers as a journaled plan: the plan lists each number with only the
 * fields that differ; each is an entry with one {@code update} step (a PUT, safe to repeat), so a resumed
 * run re-sends whatever is not DONE and skips the rest. One instance serves one journal.
 */
public final class BulkUpdate {
    static final String UPDATE = "update";

    private final SignalWireClient client;
    private final Journal journal;
    private final int concurrency;
    private final ApplyHook hook;
    private final ProgressListener<PlannedUpdate, EntryResult> listener;

    public BulkUpdate(SignalWireClient client, Journal journal, int concurrency, ApplyHook hook,
                      ProgressListener<PlannedUpdate, EntryResult> listener) {
        this.client = Objects.requireNonNull(client, "client");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.concurrency = concurrency;
        this.hook = Objects.requireNonNull(hook, "hook");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Lists the numbers the filter selects (every number for {@link NumberFilter#all()}) and keeps those that differ. */
    public static UpdatePlan plan(SignalWireClient client, NumberFilter filter, PhoneNumberUpdate update) {
        if (update.isEmpty()) {
            throw new IllegalArgumentException("an empty update changes nothing");
        }
        List<PlannedUpdate> updates = new ArrayList<>();
        for (PhoneNumber number : client.phoneNumbers(filter)) {
            PhoneNumberUpdate changes = update.changesFor(number);
            if (!changes.isEmpty()) {
                updates.add(new PlannedUpdate(number.id(), number.number(), changes.toWire()));
            }
        }
        String selection = filter.isEmpty() ? "all" : "filter_name=" + Objects.toString(filter.name(), "")
                + " filter_number=" + Objects.toString(filter.number(), "");
        return new UpdatePlan(update.toWire(), selection, updates);
    }

    public Optional<UpdatePlan> journaledPlan() {
        return Journaling.plan(journal).map(UpdatePlan::fromJson);
    }

    /** Whether the journaled update ran to its end (every number updated or failed); then it resumes nothing. */
    public boolean journalFinished() {
        return journaledPlan().map(plan -> Journaling.finished(journal,
                plan.updates().stream().map(PlannedUpdate::numberId).toList(), UPDATE)).orElse(false);
    }

    public void recordPlan(UpdatePlan plan) {
        Journaling.recordPlan(journal, plan.toJson());
    }

    /** Applies the journaled plan: every update not yet DONE. */
    public List<EntryResult> apply() {
        UpdatePlan plan = journaledPlan().orElseThrow(() -> new IllegalStateException(
                "journal " + journal.path() + " holds no update plan"));
        JournalView view = journal.view();
        EntryScheduler<PlannedUpdate, EntryResult> scheduler = new EntryScheduler<>(concurrency, listener,
                failure -> true);
        RunResult<PlannedUpdate, EntryResult> run = scheduler.run(plan.updates(), entry -> update(view, entry));
        return Journaling.results(run, PlannedUpdate::numberId, PlannedUpdate::number);
    }

    private EntryResult update(JournalView view, PlannedUpdate entry) {
        String id = entry.numberId();
        if (view.isDone(id, UPDATE)) {
            return new EntryResult(id, entry.number(), EntryResult.Outcome.ALREADY_DONE, id, "updated by an earlier run");
        }
        journal.append(id, UPDATE, Phase.BEGIN, Journaling.data());
        try {
            client.updateNumber(id, PhoneNumberUpdate.fromWire(entry.changes()));
            hook.beforeDone(id, UPDATE);
            journal.append(id, UPDATE, Phase.DONE, Journaling.data());
            return new EntryResult(id, entry.number(), EntryResult.Outcome.DONE, id, null);
        } catch (NotFoundException gone) {
            journal.append(id, UPDATE, Phase.FAILED, Journaling.data().put("detail", "the number is no longer in the project"));
            return new EntryResult(id, entry.number(), EntryResult.Outcome.FAILED, id, "the number is no longer in the project");
        } catch (ApiException failed) {
            journal.append(id, UPDATE, Phase.FAILED, Journaling.data().put("detail", Journaling.describe(failed)));
            if (failed instanceof AuthenticationException) {
                throw failed;
            }
            return new EntryResult(id, entry.number(), EntryResult.Outcome.FAILED, id, Journaling.describe(failed));
        }
    }
}
