package dev.switchboard.daily;

/** Optional server-side filters for the purchased-number listing; null means no filter. */
public record PurchasedNumberFilter(String name, String number) {
    public static PurchasedNumberFilter all() {
        return new PurchasedNumberFilter(null, null);
    }

    public static PurchasedNumberFilter byNumber(String number) {
        return new PurchasedNumberFilter(null, number);
    }
}
