package dev.switchboard.signalwire.bulk;

import dev.switchboard.core.http.ApiException;
import dev.switchboard.core.http.AuthenticationException;
import dev.switchboard.core.http.InvalidRequestException;
import dev.switchboard.core.http.UnknownOutcomeException;
import dev.switchboard.core.journal.Journal;
import dev.switchboard.core.journal.JournalRecord;
import dev.switchboard.core.journal.JournalView;
import dev.switchboard.core.journal.Phase;
import dev.switchboard.core.plan.EntryScheduler;
import dev.switchboard.core.plan.ProgressListener;
import dev.switchboard.core.plan.RunResult;
import dev.switchboard.signalwire.AvailableNumber;
import dev.switchboard.signalwire.NumberField;
import dev.switchboard.signalwire.NumberSearch;
import dev.switchboard.signalwire.PhoneNumber;
import dev.switchboard.signalwire.PhoneNumberUpdate;
import dev.switchboard.signalwire.SignalWireClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Buys a planned list of numbers and names them, journaled so that no number is ever bought twice. Each
 * number is an entry with two steps, {@code purchase} and {@code name}; BEGIN is durable before the
 * request is sent, DONE (with the number id) once SignalWire answered. On a later run (after a crash,
 * Ctrl-C or an unknown outcome), a purchase left at BEGIN or UNKNOWN is reconciled by listing the
 * project's numbers before anything is re-sent: found means done; not found means it was never bought, so
 * it is bought then. A purchase SignalWire refused (422: no longer available) stays failed. Naming is a
 * PUT, safe to repeat. One instance serves one journal.
 */
public final class BulkPurchase {
    static final String PURCHASE = "purchase";
    static final String NAME = "name";
    /** SignalWire's search returns at most 100 numbers, so one plan buys at most this many. */
    public static final int MAX_COUNT = NumberSearch.MAX_RESULTS_LIMIT;

    private final SignalWireClient client;
    private final Journal journal;
    private final int concurrency;
    private final ApplyHook hook;
    private final ProgressListener<PlannedPurchase, EntryResult> listener;

    public BulkPurchase(SignalWireClient client, Journal journal, int concurrency, ApplyHook hook,
                        ProgressListener<PlannedPurchase, EntryResult> listener) {
        this.client = Objects.requireNonNull(client, "client");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.concurrency = concurrency;
        this.hook = Objects.requireNonNull(hook, "hook");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Chooses {@code count} numbers from a search and names them: {@code nameTemplate} may hold {@code {n}}
     * (1-based position) and {@code {number}}; null names each number after itself, as SignalWire's own CLI does.
     */
    public static PurchasePlan plan(SignalWireClient client, NumberSearch search, int count, String nameTemplate) {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("a bulk purchase buys 1 to " + MAX_COUNT + " numbers, not " + count);
        }
        List<AvailableNumber> found = client.searchNumbers(search.withMaxResults(count));
        if (found.size() < count) {
            throw new IllegalStateException("only " + found.size() + " numbers on sale match the search; " + count
                    + " were asked for");
        }
        List<PlannedPurchase> purchases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String number = found.get(i).e164();
            String name = nameTemplate == null ? number
                    : nameTemplate.replace("{n}", String.valueOf(i + 1)).replace("{number}", number);
            purchases.add(new PlannedPurchase(number, name));
        }
        return new PurchasePlan(purchases);
    }

    /** The plan this journal was started with, if any (a run to resume). */
    public Optional<PurchasePlan> journaledPlan() {
        return Journaling.plan(journal).map(PurchasePlan::fromJson);
    }

    /** Makes the plan durable as the journal's first record, before any purchase. */
    /** Whether the journaled purchase ran to its end (every number bought and named, or failed for good). */
    public boolean journalFinished() {
        return journaledPlan().map(plan -> {
            List<String> numbers = plan.purchases().stream().map(PlannedPurchase::number).toList();
            JournalView view = journal.view();
            return Journaling.finished(journal, numbers, PURCHASE) && numbers.stream()
                    .allMatch(n -> view.phase(n, PURCHASE).orElse(Phase.FAILED) == Phase.FAILED || view.isDone(n, NAME)
                            || view.phase(n, NAME).orElse(null) == Phase.FAILED);
        }).orElse(false);
    }

    public void recordPlan(PurchasePlan plan) {
        Journaling.recordPlan(journal, plan.toJson());
    }

    /** Applies the journaled plan: everything not yet done, reconciling ambiguous purchases first. */
    public List<EntryResult> apply() {
        PurchasePlan plan = journaledPlan().orElseThrow(() -> new IllegalStateException(
                "journal " + journal.path() + " holds no purchase plan"));
        JournalView view = journal.view();
        EntryScheduler<PlannedPurchase, EntryResult> scheduler = new EntryScheduler<>(concurrency, listener,
                failure -> true);
        RunResult<PlannedPurchase, EntryResult> run = scheduler.run(plan.purchases(), entry -> buyAndName(view, entry));
        return Journaling.results(run, PlannedPurchase::number, PlannedPurchase::number);
    }

    private EntryResult buyAndName(JournalView view, PlannedPurchase entry) {
        String number = entry.number();
        Optional<JournalRecord> purchase = view.last(number, PURCHASE);
        String id = purchase.filter(r -> r.phase() == Phase.DONE).map(r -> Journaling.text(r, "id")).orElse(null);
        boolean earlier = id != null;
        if (id == null && purchase.isPresent() && purchase.get().phase().isAmbiguous()) {
            id = reconcile(number).orElse(null);
            earlier = id != null;
        } else if (id == null && purchase.isPresent() && !purchase.get().data().path("retryable").asBoolean(false)) {
            return new EntryResult(number, number, EntryResult.Outcome.FAILED, null, Journaling.text(purchase.get(), "detail"));
        }
        String note = earlier ? "bought by an earlier run" : null;
        if (id == null) {
            EntryResult failure = null;
            try {
                id = buy(number);
            } catch (UnknownOutcomeException unknown) {
                journal.append(number, PURCHASE, Phase.UNKNOWN, Journaling.data().put("detail", Journaling.describe(unknown)));
                id = reconcileQuietly(number);
                note = "the answer was lost; found in the project, so it was bought once";
                if (id == null) {
                    failure = new EntryResult(number, number, EntryResult.Outcome.UNKNOWN, null,
                            "outcome unknown and not found in the project yet; run again to reconcile");
                }
            } catch (InvalidRequestException refused) {
                journal.append(number, PURCHASE, Phase.FAILED, Journaling.data().put("retryable", false)
                        .put("detail", Journaling.describe(refused)));
                failure = new EntryResult(number, number, EntryResult.Outcome.FAILED, null, Journaling.describe(refused));
            } catch (ApiException notSent) {
                journal.append(number, PURCHASE, Phase.FAILED, Journaling.data().put("retryable", true)
                        .put("detail", Journaling.describe(notSent)));
                if (notSent instanceof AuthenticationException) {
                    throw notSent;
                }
                failure = new EntryResult(number, number, EntryResult.Outcome.FAILED, null, Journaling.describe(notSent));
            }
            if (failure != null) {
                return failure;
            }
        }
        boolean named = view.isDone(number, NAME);
        if (!named) {
            try {
                journal.append(number, NAME, Phase.BEGIN, Journaling.data().put("id", id));
                client.updateNumber(id, PhoneNumberUpdate.empty().with(NumberField.NAME, entry.name()));
                hook.beforeDone(number, NAME);
                journal.append(number, NAME, Phase.DONE, Journaling.data().put("id", id));
            } catch (ApiException failed) {
                journal.append(number, NAME, Phase.FAILED, Journaling.data().put("detail", Journaling.describe(failed)));
                return new EntryResult(number, number, EntryResult.Outcome.FAILED, id,
                        "bought, but naming failed (run again to retry): " + Journaling.describe(failed));
            }
        }
        boolean allEarlier = earlier && named;
        return new EntryResult(number, number, allEarlier ? EntryResult.Outcome.ALREADY_DONE : EntryResult.Outcome.DONE,
                id, note);
    }

    private String buy(String number) {
        journal.append(number, PURCHASE, Phase.BEGIN, Journaling.data().put("number", number));
        PhoneNumber bought = client.purchaseNumber(number);
        hook.beforeDone(number, PURCHASE);
        journal.append(number, PURCHASE, Phase.DONE, Journaling.data().put("id", bought.id()));
        return bought.id();
    }

    /** Lists the project's numbers to learn whether an ambiguous purchase happened, and journals the answer. */
    private Optional<String> reconcile(String number) {
        Optional<PhoneNumber> owned = client.findNumber(number);
        if (owned.isPresent()) {
            journal.append(number, PURCHASE, Phase.DONE, Journaling.data().put("id", owned.get().id())
                    .put("reconciled", true));
            return Optional.of(owned.get().id());
        }
        journal.append(number, PURCHASE, Phase.FAILED, Journaling.data().put("retryable", true)
                .put("detail", "not owned after an ambiguous attempt"));
        return Optional.empty();
    }

    private String reconcileQuietly(String number) {
        try {
            return reconcile(number).orElse(null);
        } catch (ApiException unreachable) {
            return null;
        }
    }
}
