package dev.switchboard.daily;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.http.ApiException;
import dev.switchboard.core.http.AuthenticationException;
import dev.switchboard.core.http.UnknownOutcomeException;
import dev.switchboard.core.journal.Journal;
import dev.switchboard.core.journal.JournalRecord;
import dev.switchboard.core.journal.JournalView;
import dev.switchboard.core.journal.Phase;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Buys {@link PurchaseOrder#count()} numbers, one at a time, with a journal that makes it safe to stop, crash
 * or hit an ambiguous failure at any point and run again: it never buys more than the order.
 *
 * <h2>Journal</h2>
 * Entry {@code order} / step {@code baseline} (DONE) records the order and the ids of every number the domain
 * owned before the first purchase. Each purchase attempt is an entry {@code buy-0001}, {@code buy-0002}... with
 * step {@code buy}: BEGIN (durable before the request; names the number when one was chosen from the area
 * code), then DONE (id and number), FAILED (proven not bought) or UNKNOWN (5xx, timeout or reset after sending).
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

    private record Ambiguous(String attempt, String requestedNumber) {
    }

    private final DailyClient client;
    private final Journal journal;
    private final Consumer<String> log;
    private final AfterPurchaseHook hook;

    public BulkPurchase(DailyClient client, Journal journal, Consumer<String> log, AfterPurchaseHook hook) {
        this.client = Objects.requireNonNull(client, "client");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.log = log == null ? line -> { } : log;
        this.hook = hook == null ? (attempt, bought) -> { } : hook;
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
        List<Ambiguous> ambiguous = new ArrayList<>();
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
                case BEGIN, UNKNOWN -> ambiguous.add(new Ambiguous(entry, text(firstBegin(entry), "number")));
            }
        }
        if (!ambiguous.isEmpty()) {
            log.accept("resuming: " + ambiguous.size() + " purchase(s) with an unknown outcome; reading the domain's numbers");
            notApplied += reconcile(ambiguous, baseline, bought);
        }
        Set<String> refused = new HashSet<>();
        int consecutiveFailures = 0;
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
            ObjectNode begin = JsonNodeFactory.instance.objectNode();
            number.ifPresent(n -> begin.put("number", n));
            journal.append(attempt, BUY, Phase.BEGIN, begin);
            try {
                BoughtNumber answer = client.buyNumber(number);
                hook.afterPurchase(attempt, answer);
                journal.append(attempt, BUY, Phase.DONE, done(answer.id(), answer.number(), false));
                bought.add(new PurchaseReport.Purchase(attempt, answer.id(), answer.number(), false));
                log.accept("bought " + answer.number() + " (" + answer.id() + ")");
                consecutiveFailures = 0;
            } catch (UnknownOutcomeException unknown) {
                journal.append(attempt, BUY, Phase.UNKNOWN, reason(unknown.getMessage()));
                log.accept("purchase " + attempt + " has an unknown outcome; reading the domain's numbers");
                int failed = reconcile(List.of(new Ambiguous(attempt, number.orElse(null))), baseline, bought);
                notApplied += failed;
                consecutiveFailures = failed > 0 ? consecutiveFailures + 1 : 0;
            } catch (AuthenticationException rejected) {
                journal.append(attempt, BUY, Phase.FAILED, reason(rejected.getMessage()));
                throw rejected;
            } catch (ApiException failed) {
                journal.append(attempt, BUY, Phase.FAILED, reason(failed.getMessage()));
                number.ifPresent(refused::add);
                notApplied++;
                consecutiveFailures++;
                log.accept("purchase " + attempt + " failed: " + failed.getMessage());
            }
            if (consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) {
                return new PurchaseReport(order, bought, notApplied, consecutiveFailures
                        + " purchases in a row did not go through; the last error is in the journal");
            }
        }
        return new PurchaseReport(order, bought, notApplied, null);
    }

    /** Settles ambiguous attempts by the rule in the class comment; returns how many were not applied. */
    private int reconcile(List<Ambiguous> ambiguous, Set<String> baseline, List<PurchaseReport.Purchase> bought) {
        Set<String> known = new HashSet<>(baseline);
        bought.forEach(p -> known.add(p.id()));
        List<PurchasedNumber> unexplained = new ArrayList<>(client.purchasedNumbers(PurchasedNumberFilter.all()).stream()
                .filter(n -> n.hasId() && !n.isDeleted() && !known.contains(n.id()))
                .sorted(Comparator.comparing(PurchasedNumber::paginationId, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList());
        int notApplied = 0;
        List<Ambiguous> random = new ArrayList<>();
        for (Ambiguous attempt : ambiguous) {
            if (attempt.requestedNumber() == null) {
                random.add(attempt);
                continue;
            }
            Optional<PurchasedNumber> match = unexplained.stream()
                    .filter(n -> attempt.requestedNumber().equals(n.number())).findFirst();
            match.ifPresent(unexplained::remove);
            notApplied += settle(attempt, match.orElse(null), bought) ? 0 : 1;
        }
        if (unexplained.size() > random.size() && !random.isEmpty()) {
            throw new ReconciliationConflictException(unexplained.size() + " number(s) appeared on the domain that this "
                    + "order cannot attribute with certainty (" + String.join(", ", unexplained.stream()
                    .map(PurchasedNumber::number).toList()) + ") while " + random.size() + " purchase(s) have an "
                    + "unknown outcome; someone else bought numbers meanwhile. Check the numbers, then resolve the "
                    + "journal by hand; nothing more was bought");
        }
        for (Ambiguous attempt : random) {
            notApplied += settle(attempt, unexplained.isEmpty() ? null : unexplained.remove(0), bought) ? 0 : 1;
        }
        return notApplied;
    }

    /** Records the settlement; returns whether the attempt bought a number. */
    private boolean settle(Ambiguous attempt, PurchasedNumber found, List<PurchaseReport.Purchase> bought) {
        if (found == null) {
            journal.append(attempt.attempt(), BUY, Phase.FAILED, reason("not applied: reconciled against the domain's numbers"));
            log.accept("reconciled " + attempt.attempt() + ": nothing was bought; it will be retried");
            return false;
        }
        journal.append(attempt.attempt(), BUY, Phase.DONE, done(found.id(), found.number(), true));
        bought.add(new PurchaseReport.Purchase(attempt.attempt(), found.id(), found.number(), true));
        log.accept("reconciled " + attempt.attempt() + ": it bought " + found.number() + " (" + found.id() + ")");
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

    private static ObjectNode done(String id, String number, boolean reconciled) {
        return JsonNodeFactory.instance.objectNode().put("id", id).put("number", number).put("reconciled", reconciled);
    }

    private static ObjectNode reason(String text) {
        return JsonNodeFactory.instance.objectNode().put("reason", text == null ? "" : text);
    }

    private static String text(JsonNode node, String field) {
        return node == null || !node.hasNonNull(field) ? null : node.get(field).asText();
    }
}
