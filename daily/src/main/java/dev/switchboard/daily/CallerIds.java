package dev.switchboard.daily;

import dev.switchboard.core.phone.E164;

import java.util.List;

/** Turns what a user types as caller id (a purchased number's id or its E.164) into the id Daily expects. */
public final class CallerIds {
    private CallerIds() {
    }

    /**
     * The id of the purchased, not released number that {@code idOrNumber} names.
     *
     * @throws IllegalArgumentException when no such number is owned (verified caller ids have no id and do not count)
     */
    public static String resolve(List<PurchasedNumber> owned, String idOrNumber) {
        String value = idOrNumber == null ? "" : idOrNumber.strip();
        boolean phone = value.startsWith("+");
        String wanted = phone ? E164.parse(value).value() : value;
        return owned.stream()
                .filter(n -> n.hasId() && !n.isDeleted())
                .filter(n -> phone ? wanted.equals(n.number()) : wanted.equals(n.id()))
                .map(PurchasedNumber::id)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("caller id " + value
                        + " is not a number purchased on this domain (give its id or its E.164 number)"));
    }
}
