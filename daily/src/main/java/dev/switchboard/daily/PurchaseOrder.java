package dev.switchboard.daily;

import java.util.regex.Pattern;

/** A bulk purchase: {@code count} numbers, in {@code areacode} (3 digits) or anywhere Daily picks when null. */
public record PurchaseOrder(int count, String areacode) {
    /** The most numbers one bulk purchase buys. */
    public static final int MAX_COUNT = 1000;
    private static final Pattern AREA_CODE = Pattern.compile("\\d{3}");

    public PurchaseOrder {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("a bulk purchase buys 1 to " + MAX_COUNT + " numbers, not " + count);
        }
        if (areacode != null && !AREA_CODE.matcher(areacode).matches()) {
            throw new IllegalArgumentException("an area code is 3 digits");
        }
    }
}
