package dev.switchboard.daily;

import java.util.List;

/**
 * What a {@link BulkPurchase} run ended with: every number the order bought (including those bought by earlier,
 * interrupted runs), how many attempts were proven not to have bought anything, and why it stopped early
 * ({@code stopReason} null when the order is complete).
 */
public record PurchaseReport(PurchaseOrder order, List<Purchase> purchases, int attemptsNotApplied, String stopReason) {
    /** One bought number; {@code reconciled} when the purchase was confirmed by reading the domain's numbers. */
    public record Purchase(String attempt, String id, String number, boolean reconciled) {
    }

    public PurchaseReport {
        purchases = List.copyOf(purchases);
    }

    public boolean complete() {
        return stopReason == null && purchases.size() >= order.count();
    }
}
