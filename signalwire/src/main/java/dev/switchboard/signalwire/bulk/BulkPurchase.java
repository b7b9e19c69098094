package dev.switchboard.signalwire.bulk;

import dev.switchboard.core.engine.Engine;
import dev.switchboard.core.engine.EntryPlan;
import dev.switchboard.core.engine.EntryReport;
import dev.switchboard.core.journal.Journal;
import dev.switchboard.core.journal.Phase;
import dev.switchboard.core.plan.ProgressListener;
import dev.switchboard.signalwire.AvailableNumber;
import dev.switchboard.signalwire.NumberSearch;
import dev.switchboard.signalwire.SignalWireClient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Buys a planned list of numbers and names them, as a plan on the {@link Engine}, so that no number is ever
 * bought twice. Each number is an entry with two steps, {@code purchase} and {@code name}. A purchase whose
 * outcome is unknown (now or from an earlier run) is settled by listing the project's numbers before
 * anything is re-sent: found means done; not found means it was never bought, so a later run buys it. A
 * purchase SignalWire refused (422: no longer available) stays failed. Naming is a PUT, safe to repeat. One
 * instance serves one journal.
 */
public final class BulkPurchase {
    static final String PURCHASE = BulkAction.PURCHASE;
    static final String NAME = BulkAction.NAME;
    /** SignalWire's search returns at most 100 numbers, so one plan buys at most this many. */
    public static final int MAX_COUNT = NumberSearch.MAX_RESULTS_LIMIT;

    private final SignalWireClient client;
    private final Engine engine;
    private final ProgressListener<EntryPlan<PlannedPurchase>, EntryReport<PlannedPurchase>> listener;

    public BulkPurchase(SignalWireClient client, Journal journal, int concurrency, ApplyHook hook,
                        ProgressListener<EntryPlan<PlannedPurchase>, EntryReport<PlannedPurchase>> listener) {
        this.client = Objects.requireNonNull(client, "client");
        this.engine = Journaling.engine(Objects.requireNonNull(journal, "journal"), concurrency,
                Objects.requireNonNull(hook, "hook"));
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
        return engine.recordedPlan().map(PurchasePlan::fromJson);
    }

    /** Whether the journaled purchase ran to its end (every number bought and named, or failed for good). */
    public boolean journalFinished() {
        return journaledPlan().map(plan -> Journaling.finished(engine, entries(plan))).orElse(false);
    }

    /** Makes the plan durable as the journal's first record, before any purchase. */
    public void recordPlan(PurchasePlan plan) {
        engine.recordPlan(plan.toJson());
    }

    /** Applies the journaled plan: everything not yet done, reconciling ambiguous purchases first. */
    public List<EntryResult> apply() {
        PurchasePlan plan = journaledPlan().orElseThrow(() -> new IllegalStateException(
                "journal " + engine.journal().path() + " holds no purchase plan"));
        List<EntryPlan<PlannedPurchase>> entries = entries(plan);
        Map<String, EntryReport<PlannedPurchase>> before = new HashMap<>();
        entries.forEach(entry -> before.put(entry.key(), engine.status(entry)));
        return Engine.reports(engine.apply(entries, listener)).stream()
                .map(report -> result(report, before.get(report.key()))).toList();
    }

    private List<EntryPlan<PlannedPurchase>> entries(PurchasePlan plan) {
        return plan.purchases().stream().map(p -> new EntryPlan<>(p.number(), p, List.of(
                new BulkAction.Purchase(client, p.number()), new BulkAction.Name(client, p.name())))).toList();
    }

    private EntryResult result(EntryReport<PlannedPurchase> report, EntryReport<PlannedPurchase> before) {
        String number = report.key();
        String id = report.done().containsKey(PURCHASE) ? report.done().get(PURCHASE).path("id").asText() : null;
        boolean boughtEarlier = before.done().containsKey(PURCHASE) || before.status() == EntryReport.Status.UNKNOWN
                && PURCHASE.equals(before.step());
        return switch (report.status()) {
            case ALREADY_DONE -> new EntryResult(number, number, EntryResult.Outcome.ALREADY_DONE, id,
                    "bought by an earlier run");
            case DONE -> {
                boolean reconciledNow = !boughtEarlier && report.done().get(PURCHASE).path("reconciled").asBoolean();
                String note = boughtEarlier ? "bought by an earlier run"
                        : reconciledNow ? "the answer was lost; found in the project, so it was bought once" : null;
                boolean allEarlier = boughtEarlier && before.done().containsKey(NAME);
                yield new EntryResult(number, number, allEarlier ? EntryResult.Outcome.ALREADY_DONE
                        : EntryResult.Outcome.DONE, id, note);
            }
            case FAILED -> NAME.equals(report.step())
                    ? new EntryResult(number, number, EntryResult.Outcome.FAILED, id,
                    "bought, but naming failed (run again to retry): " + report.detail())
                    : notFoundAfterLostAnswer(number) ? new EntryResult(number, number, EntryResult.Outcome.UNKNOWN,
                    null, "outcome unknown and not found in the project yet; run again to reconcile")
                    : new EntryResult(number, number, EntryResult.Outcome.FAILED, null, report.detail());
            case NOT_STARTED -> new EntryResult(number, number, EntryResult.Outcome.NOT_STARTED, null, report.detail());
            default -> new EntryResult(number, number, EntryResult.Outcome.UNKNOWN, id, report.detail());
        };
    }

    /** Whether this run's purchase lost its answer and listing the project did not find the number (yet). */
    private boolean notFoundAfterLostAnswer(String number) {
        return engine.journal().view(number).last(number, PURCHASE)
                .filter(r -> r.phase() == Phase.FAILED && r.data().path("reconciled").asBoolean()).isPresent();
    }
}
