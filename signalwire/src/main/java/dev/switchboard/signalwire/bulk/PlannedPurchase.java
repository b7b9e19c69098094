package dev.switchboard.signalwire.bulk;

import dev.switchboard.core.phone.E164;

/** One number to buy and the name to give it. */
public record PlannedPurchase(String number, String name) {
    public PlannedPurchase {
        number = E164.parse(number).value();
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a planned purchase needs a name");
        }
    }
}
