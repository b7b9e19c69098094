package dev.switchboard.signalwire.bulk;

import dev.switchboard.core.engine.Engine;
import dev.switchboard.core.engine.EntryPlan;
import dev.switchboard.core.engine.EntryReport;
import dev.switchboard.core.journal.Journal;
import dev.switchboard.core.plan.ProgressListener;
import dev.switchboard.signalwire.NumberFilter;
import dev.switchboard.signalwire.PhoneNumber;
import dev.switchboard.signalwire.PhoneNumberUpdate;
import dev.switchboard.signalwire.SignalWireClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies one partial update to many numbers as a journaled plan on the {@link Engine}: the plan lists each
 * number with only the fields that differ; each is an entry (its number id) with one {@code update} step (a
 * PUT, safe to repeat), so a resumed run re-sends whatever is not DONE and skips the rest. One instance
 * serves one journal.
 */
public final class BulkUpdate {
    static final String UPDATE = BulkAction.UPDATE;

    private final SignalWireClient client;
    private final Engine engine;
    private final ProgressListener<EntryPlan<PlannedUpdate>, EntryReport<PlannedUpdate>> listener;

    public BulkUpdate(SignalWireClient client, Journal journal, int concurrency, ApplyHook hook,
                      ProgressListener<EntryPlan<PlannedUpdate>, EntryReport<PlannedUpdate>> listener) {
        this.client = Objects.requireNonNull(client, "client");
        this.engine = Journaling.engine(Objects.requireNonNull(journal, "journal"), concurrency,
                Objects.requireNonNull(hook, "hook"));
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
        return engine.recordedPlan().map(UpdatePlan::fromJson);
    }

    /** Whether the journaled update ran to its end (every number updated or failed); then it resumes nothing. */
    public boolean journalFinished() {
        return journaledPlan().map(plan -> Journaling.finished(engine, entries(plan))).orElse(false);
    }

    public void recordPlan(UpdatePlan plan) {
        engine.recordPlan(plan.toJson());
    }

    /** Applies the journaled plan: every update not yet DONE. */
    public List<EntryResult> apply() {
        UpdatePlan plan = journaledPlan().orElseThrow(() -> new IllegalStateException(
                "journal " + engine.journal().path() + " holds no update plan"));
        return Engine.reports(engine.apply(entries(plan), listener)).stream().map(BulkUpdate::result).toList();
    }

    private List<EntryPlan<PlannedUpdate>> entries(UpdatePlan plan) {
        return plan.updates().stream().map(u -> new EntryPlan<>(u.numberId(), u,
                List.of(new BulkAction.Update(client, u)))).toList();
    }

    private static EntryResult result(EntryReport<PlannedUpdate> report) {
        PlannedUpdate planned = report.subject();
        String id = planned.numberId();
        return switch (report.status()) {
            case DONE -> new EntryResult(id, planned.number(), EntryResult.Outcome.DONE, id, null);
            case ALREADY_DONE -> new EntryResult(id, planned.number(), EntryResult.Outcome.ALREADY_DONE, id,
                    "updated by an earlier run");
            case FAILED -> new EntryResult(id, planned.number(), EntryResult.Outcome.FAILED, id, report.detail());
            case NOT_STARTED -> new EntryResult(id, planned.number(), EntryResult.Outcome.NOT_STARTED, null,
                    report.detail());
            default -> new EntryResult(id, planned.number(), EntryResult.Outcome.UNKNOWN, null, report.detail());
        };
    }
}
