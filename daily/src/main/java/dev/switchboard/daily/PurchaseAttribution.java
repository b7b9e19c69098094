package dev.switchboard.daily;

import dev.switchboard.core.engine.Verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The reconciliation rule of a {@link BulkPurchase} (see its class comment): which ambiguous attempts bought
 * which of the numbers the domain owns now, from one listing of them.
 *
 * @param bought   the order's purchases known so far (the live list: attempts settled meanwhile count)
 * @param conflict receives the reason when rule 3 applies, for the exception the run ends with
 */
record PurchaseAttribution(DailyClient client, Set<String> baseline, List<PurchaseReport.Purchase> bought,
                           AtomicReference<String> conflict) {
    /**
     * The verdict on each ambiguous attempt by the rule in the class comment, from one listing of the domain's
     * numbers; every attempt without a number is a conflict when rule 3 applies.
     */
    Map<String, Verdict> verdicts(List<NumberPurchase> ambiguous) {
        Set<String> known = new HashSet<>(baseline);
        bought.forEach(p -> known.add(p.id()));
        List<PurchasedNumber> unexplained = new ArrayList<>(client.purchasedNumbers(PurchasedNumberFilter.all()).stream()
                .filter(n -> n.hasId() && !n.isDeleted() && !known.contains(n.id()))
                .sorted(Comparator.comparing(PurchasedNumber::paginationId, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList());
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        List<NumberPurchase> random = new ArrayList<>();
        for (NumberPurchase attempt : ambiguous) {
            if (attempt.number().isEmpty()) {
                random.add(attempt);
                continue;
            }
            Optional<PurchasedNumber> match = unexplained.stream()
                    .filter(n -> attempt.number().get().equals(n.number())).findFirst();
            match.ifPresent(unexplained::remove);
            verdicts.put(attempt.attempt(), verdict(match.orElse(null)));
        }
        if (unexplained.size() > random.size() && !random.isEmpty()) {
            Verdict unattributable = new Verdict.Conflict(unexplained.size() + " number(s) appeared on the domain that this "
                    + "order cannot attribute with certainty (" + String.join(", ", unexplained.stream()
                    .map(PurchasedNumber::number).toList()) + ") while " + random.size() + " purchase(s) have an "
                    + "unknown outcome; someone else bought numbers meanwhile. Check the numbers, then resolve the "
                    + "journal by hand; nothing more was bought");
            random.forEach(attempt -> verdicts.put(attempt.attempt(), unattributable));
            conflict.set(((Verdict.Conflict) unattributable).reason());
            return verdicts;
        }
        for (NumberPurchase attempt : random) {
            verdicts.put(attempt.attempt(), verdict(unexplained.isEmpty() ? null : unexplained.remove(0)));
        }
        return verdicts;
    }

    private static Verdict verdict(PurchasedNumber found) {
        return found == null ? new Verdict.NotDone() : new Verdict.Done(NumberPurchase.done(found.id(), found.number()));
    }
}
