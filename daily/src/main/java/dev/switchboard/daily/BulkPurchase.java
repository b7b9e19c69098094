package dev.switchboard.daily;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.engine.Engine;
import dev.switchboard.core.engine.EngineOptions;
import dev.switchboard.core.engine.EntryPlan;
import dev.switchboard.core.engine.EntryReport;
import dev.switchboard.core.engine.StepHook;
import dev.switchboard.core.engine.Verdict;
import dev.switchboard.core.http.ApiException;
import dev.switchboard.core.journal.Journal;
import dev.switchboard.core.journal.JournalRecord;
import dev.switchboard.core.journal.JournalView;
import dev.switchboard.core.journal.Phase;
import dev.switchboard.core.plan.EntryOutcome;
import dev.switchboard.core.plan.ProgressListener;
import dev.switchboard.core.plan.RunResult;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Buys {@link PurchaseOrder#count()} numbers, one at a time, with a journal that makes it safe to stop, crash
 * or hit an ambiguous failure at any point and run again: it never buys more than the order.
 *
 * <h2>Journal</h2>
 * Entry {@code order} / step {@code baseline} (DONE) records the order and the ids of every number the domain
 * owned before the first purchase. Each purchase attempt is a one-entry plan on the {@link Engine}: entry
 * {@code buy-0001}, {@code buy-0002}... with step {@code buy} ({@link NumberPurchase}): BEGIN (durable before
 * the request; names the number when one was chosen from the area code), then DONE (id and number), FAILED
 * (proven not bought) or UNKNOWN (reading the numbers could not decide); journals written before the engine
 * may also hold UNKNOWN for a 5xx, timeout or reset after sending.
 *
 * <h2>Reconciliation rule</h2>
 * An attempt whose last phase is BEGIN or UNKNOWN is settled before anything else, by listing the domain's
 * numbers. The <em>unexplained</em> numbers are those owned now that are neither in the baseline nor recorded
 * as bought by a DONE attempt of this order.
 * <ol>
 *   <li>An attempt that named its number was applied if and only if that number is among the unexplained.</li>
 *   <li>An attempt without a number (Daily picked one) takes the oldest unexplained number left after rule 1; if
 *       none is left, it was not applied.</li>
 *   <li>If, after rule 2, more unexplained numbers remain than attempts without a number, someone else bought
 *       numbers on this domain meanwhile and the attribution is not certain: the run stops with a
 *       {@link ReconciliationConflictException}, the attempts stay ambiguous, and nothing more is bought.</li>
 * </ol>
 * Attempts settled as not applied are recorded FAILED and the order goes on with a new attempt. Purchases run
 * sequentially, so at most one attempt is ever ambiguous. The rule assumes nobody else buys numbers on the
 * domain while an order with random numbers runs; rule 3 detects when that assumption broke.
 */
public final class BulkPurchase {
    static final String ORDER = "order";
    static final String BASELINE = "baseline";
    static final String BUY = "buy";
    private static final int MAX_CONSECUTIVE_FAILURES = 3;

    /** Test hook: runs after Daily answered a purchase and before the journal records it. */
    @FunctionalInterface
    public interface AfterPurchaseHook {
        void afterPurchase(String attempt, BoughtNumber bought);
    }

    /** Hears the order's count after every attempt: numbers bought so far, attempts that bought nothing. */
    @FunctionalInterface
    public interface Counts {
        Counts NONE = (bought, notApplied) -> { };

        void update(int bought, int notApplied);
    }

    /** The journal belongs to a different order (count or area code). */
    public static final class OrderMismatchException extends IllegalStateException {
        OrderMismatchException(String message) {
            super(message);
        }
    }

    /** Reconciliation cannot attribute new numbers with certainty (rule 3). */
    public static final class ReconciliationConflictException extends IllegalStateException {
        ReconciliationConflictException(String message) {
            super(message);
        }
    }

    private final DailyClient client;
    private final Journal journal;
    private final Engine engine;
    private final Consumer<String> log;
    private Counts counts = Counts.NONE;
    private final AtomicReference<BoughtNumber> answer = new AtomicReference<>();
    /** Why the last attribution could not decide (rule 3), for the exception the run ends with. */
    private final AtomicReference<String> conflict = new AtomicReference<>();

    public BulkPurchase(DailyClient client, Journal journal, Consumer<String> log, AfterPurchaseHook hook) {
        this.client = Objects.requireNonNull(client, "client");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.log = log == null ? line -> { } : log;
        AfterPurchaseHook afterPurchase = hook == null ? (attempt, bought) -> { } : hook;
        StepHook steps = (entry, step, boundary) -> {
            BoughtNumber bought = boundary == StepHook.Boundary.AFTER_CALL ? answer.getAndSet(null) : null;
            if (bought != null) {
                afterPurchase.afterPurchase(entry, bought);
            }
        };
        // One attempt at a time: at most one purchase is ever ambiguous, which the attribution rule relies on.
        this.engine = new Engine(journal, EngineOptions.defaults(1).withStopOnFailure(failure -> true).withHook(steps));
    }

    /**
     * Reports the counts to {@code listener} as the order runs (a progress line); the log then carries only
     * what needs a reader's attention (reconciliations, failures), not every purchase.
     */
    public BulkPurchase withCounts(Counts listener) {
        this.counts = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * Runs (or resumes) the order until it is complete or must stop.
     *
     * @throws OrderMismatchException           when the journal holds a different order
     * @throws ReconciliationConflictException  see rule 3
     * @throws ApiException                     when reading state fails (the journal keeps what is known)
     */
    public PurchaseReport run(PurchaseOrder order) {
        JournalView view = journal.view();
        Set<String> baseline = baseline(view, order);
        List<PurchaseReport.Purchase> bought = new ArrayList<>();
        List<EntryPlan<String>> ambiguous = new ArrayList<>();
        int attempts = 0;
        int notApplied = 0;
        for (String entry : view.entries()) {
            JournalRecord last = view.last(entry, BUY).orElse(null);
            if (last == null) {
                continue;
            }
            attempts++;
            switch (last.phase()) {
                case DONE -> bought.add(purchase(entry, last.data()));
                case FAILED -> notApplied++;
                case BEGIN, UNKNOWN -> ambiguous.add(attempt(entry, Optional.ofNullable(text(firstBegin(entry), "number")),
                        baseline, bought));
            }
        }
        if (!ambiguous.isEmpty()) {
            log.accept("resuming: " + ambiguous.size() + " purchase(s) with an unknown outcome; reading the domain's numbers");
            Map<String, Verdict> verdicts = new PurchaseAttribution(client, baseline, bought, conflict).verdicts(ambiguous.stream().map(this::purchaseOf).toList());
            String unattributable = conflict.getAndSet(null);
            if (unattributable != null) {
                throw new ReconciliationConflictException(unattributable);
            }
            List<EntryPlan<String>> settled = ambiguous.stream().map(entry -> new EntryPlan<>(entry.key(), entry.key(),
                    List.of(purchaseOf(entry).withAttribution(p -> verdicts.get(entry.key()))))).toList();
            for (EntryReport<String> report : outcomes(engine.settle(settled))) {
                notApplied += settled(report, bought) ? 0 : 1;
            }
        }
        Set<String> refused = new HashSet<>();
        int consecutiveFailures = 0;
        counts.update(bought.size(), notApplied);
        while (bought.size() < order.count()) {
            Optional<String> number = Optional.empty();
            if (order.areacode() != null) {
                number = pick(order.areacode(), refused);
                if (number.isEmpty()) {
                    return new PurchaseReport(order, bought, notApplied, "no more numbers available in area code "
                            + order.areacode());
                }
            }
            String attempt = String.format("buy-%04d", ++attempts);
            EntryReport<String> report = outcomes(engine.apply(List.of(attempt(attempt, number, baseline, bought)),
                    ProgressListener.none())).get(0);
            JournalRecord last = journal.view(attempt).last(attempt, BUY).orElseThrow();
            boolean reconciled = last.data().path("reconciled").asBoolean(false);
            switch (report.status()) {
                case DONE -> {
                    if (reconciled) {
                        log.accept("purchase " + attempt + " had an unknown outcome; read the domain's numbers");
                    }
                    settled(report, bought);
                    consecutiveFailures = 0;
                }
                case UNKNOWN -> {
                    String conflict = this.conflict.getAndSet(null);
                    if (conflict != null) {
                        throw new ReconciliationConflictException(conflict);
                    }
                    return new PurchaseReport(order, bought, notApplied, "purchase " + attempt + " has an unknown "
                            + "outcome: " + report.detail() + "; run again to reconcile");
                }
                default -> {
                    notApplied++;
                    consecutiveFailures++;
                    if (reconciled) {
                        log.accept("reconciled " + attempt + ": nothing was bought; it will be retried");
                    } else {
                        number.ifPresent(refused::add);
                        log.accept("purchase " + attempt + " failed: " + report.detail());
                    }
                }
            }
            counts.update(bought.size(), notApplied);
            if (consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) {
                return new PurchaseReport(order, bought, notApplied, consecutiveFailures
                        + " purchases in a row did not go through; the last error is in the journal");
            }
        }
        return new PurchaseReport(order, bought, notApplied, null);
    }

    /** One attempt as an engine entry, reconciled by the attribution rule against the domain's numbers now. */
    private EntryPlan<String> attempt(String attempt, Optional<String> number, Set<String> baseline,
                                      List<PurchaseReport.Purchase> bought) {
        NumberPurchase purchase = new NumberPurchase(attempt, client, number, null, answer::set);
        return new EntryPlan<>(attempt, attempt, List.of(purchase.withAttribution(
                p -> new PurchaseAttribution(client, baseline, bought, conflict).verdicts(List.of(p)).get(p.attempt()))));
    }

    private NumberPurchase purchaseOf(EntryPlan<String> entry) {
        return (NumberPurchase) entry.actions().get(0);
    }

    /** The report of each entry; a failure that stopped the run (a rejected key, a crash) is thrown as it was. */
    private static List<EntryReport<String>> outcomes(RunResult<EntryPlan<String>, EntryReport<String>> run) {
        for (EntryOutcome<EntryPlan<String>, EntryReport<String>> outcome : run.outcomes()) {
            if (outcome instanceof EntryOutcome.Failed<EntryPlan<String>, EntryReport<String>> failed) {
                if (failed.error() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (failed.error() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(failed.error());
            }
        }
        return Engine.reports(run);
    }

    /** Notes a settled attempt; returns whether it bought a number. */
    private boolean settled(EntryReport<String> report, List<PurchaseReport.Purchase> bought) {
        JsonNode done = report.done().get(BUY);
        if (done == null) {
            log.accept("reconciled " + report.key() + ": nothing was bought; it will be retried");
            return false;
        }
        PurchaseReport.Purchase purchase = purchase(report.key(), done);
        bought.add(purchase);
        if (purchase.reconciled() || counts == Counts.NONE) {
            log.accept((purchase.reconciled() ? "reconciled " + report.key() + ": it bought " : "bought ")
                    + purchase.number() + " (" + purchase.id() + ")");
        }
        return true;
    }

    /** The order a journal holds, if it holds one. */
    public static Optional<PurchaseOrder> recordedOrder(Journal journal) {
        return journal.view().last(ORDER, BASELINE).filter(r -> r.phase() == Phase.DONE)
                .map(r -> new PurchaseOrder(r.data().path("count").asInt(), text(r.data(), "areacode")));
    }

    /**
     * Whether the journal's order is complete: as many numbers bought as ordered, and no attempt whose outcome is
     * still unknown. A complete journal resumes nothing; it buys nothing more.
     */
    public static boolean finished(Journal journal) {
        Optional<PurchaseOrder> order = recordedOrder(journal);
        if (order.isEmpty()) {
            return false;
        }
        JournalView view = journal.view();
        int bought = 0;
        for (String entry : view.entries()) {
            Phase phase = view.phase(entry, BUY).orElse(Phase.FAILED);
            if (phase == Phase.BEGIN || phase == Phase.UNKNOWN) {
                return false;
            }
            bought += phase == Phase.DONE ? 1 : 0;
        }
        return bought >= order.get().count();
    }

    private Set<String> baseline(JournalView view, PurchaseOrder order) {
        Optional<JournalRecord> recorded = view.last(ORDER, BASELINE).filter(r -> r.phase() == Phase.DONE);
        if (recorded.isPresent()) {
            JsonNode data = recorded.get().data();
            String areacode = text(data, "areacode");
            if (data.path("count").asInt() != order.count() || !Objects.equals(areacode, order.areacode())) {
                throw new OrderMismatchException("this journal holds another order (" + data.path("count").asInt()
                        + " numbers" + (areacode == null ? "" : " in area code " + areacode) + "); use another journal");
            }
            Set<String> ids = new HashSet<>();
            data.path("baseline_ids").forEach(id -> ids.add(id.asText()));
            return ids;
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("count", order.count());
        if (order.areacode() != null) {
            data.put("areacode", order.areacode());
        }
        var ids = data.putArray("baseline_ids");
        Set<String> baseline = new HashSet<>();
        for (PurchasedNumber number : client.purchasedNumbers(PurchasedNumberFilter.all())) {
            if (number.hasId()) {
                ids.add(number.id());
                baseline.add(number.id());
            }
        }
        journal.append(ORDER, BASELINE, Phase.DONE, data);
        return baseline;
    }

    private Optional<String> pick(String areacode, Set<String> refused) {
        return client.availableNumbers(AvailableNumberQuery.inAreaCode(areacode)).stream()
                .map(AvailableNumber::number).filter(n -> n != null && !refused.contains(n)).findFirst();
    }

    private JsonNode firstBegin(String entry) {
        return journal.records().stream().filter(r -> r.entry().equals(entry) && r.phase() == Phase.BEGIN)
                .map(JournalRecord::data).findFirst().orElse(null);
    }

    private static PurchaseReport.Purchase purchase(String attempt, JsonNode data) {
        return new PurchaseReport.Purchase(attempt, text(data, "id"), text(data, "number"),
                data.path("reconciled").asBoolean(false));
    }

    private static String text(JsonNode node, String field) {
        return node == null || !node.hasNonNull(field) ? null : node.get(field).asText();
    }
}
