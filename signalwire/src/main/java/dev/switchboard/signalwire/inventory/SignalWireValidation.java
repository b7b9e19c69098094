package dev.switchboard.signalwire.inventory;

import dev.switchboard.core.inventory.InvalidInventoryException;
import dev.switchboard.signalwire.PhoneNumber;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The rules of the {@code signalwire:} section the JSON Schema cannot state: unique keys, handler fields that
 * exist, addresses that meet SignalWire's rules and are defined, group members that are (or will be) owned.
 */
final class SignalWireValidation {
    private SignalWireValidation() {
    }

    static void check(SignalWireInventory wanted, SignalWireLive live) {
        List<SignalWireInventory.Number> numbers = SignalWireViews.orEmpty(wanted.numbers());
        unique(numbers, SignalWireInventory.Number::number, "signalwire.numbers", "number");
        List<SignalWireInventory.E911Address> addresses = SignalWireViews.orEmpty(wanted.addresses());
        unique(addresses, SignalWireInventory.E911Address::label, "signalwire.addresses", "label");
        for (int i = 0; i < addresses.size(); i++) {
            try {
                SignalWireViews.spec(addresses.get(i));
            } catch (IllegalArgumentException broken) {
                throw new InvalidInventoryException("signalwire.addresses[" + i + "]", broken.getMessage());
            }
        }
        Set<String> labels = new HashSet<>();
        if (wanted.addresses() != null) {
            addresses.forEach(a -> labels.add(a.label()));
        } else {
            live.addresses().forEach(a -> labels.add(a.label()));
        }
        Set<String> owned = new HashSet<>();
        live.numbers().stream().map(PhoneNumber::number).forEach(owned::add);
        for (int i = 0; i < numbers.size(); i++) {
            SignalWireInventory.Number number = numbers.get(i);
            String path = "signalwire.numbers[" + i + "]";
            try {
                SignalWireViews.update(number);
            } catch (IllegalArgumentException broken) {
                throw new InvalidInventoryException(path, broken.getMessage());
            }
            String label = number.e911Address();
            if (label != null && !label.equals(SignalWireViews.NO_ADDRESS) && !labels.contains(label)) {
                throw new InvalidInventoryException(path + ".e911_address", "no address labelled \"" + label + "\"");
            }
            if (number.releaseRequested()) {
                owned.remove(number.number());
            } else {
                owned.add(number.number());
            }
        }
        List<SignalWireInventory.Group> groups = SignalWireViews.orEmpty(wanted.groups());
        unique(groups, SignalWireInventory.Group::name, "signalwire.groups", "name");
        for (int i = 0; i < groups.size(); i++) {
            List<String> members = SignalWireViews.orEmpty(groups.get(i).numbers());
            for (int j = 0; j < members.size(); j++) {
                if (!owned.contains(members.get(j))) {
                    throw new InvalidInventoryException("signalwire.groups[" + i + "].numbers[" + j + "]",
                            members.get(j) + " is not a number of the project (nor one the file buys)");
                }
            }
        }
        unique(SignalWireViews.orEmpty(wanted.verifiedCallerIds()), SignalWireInventory.CallerId::number,
                "signalwire.verified_caller_ids", "number");
    }

    private static <T> void unique(List<T> items, Function<T, String> key, String path, String what) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (!seen.add(key.apply(items.get(i)))) {
                throw new InvalidInventoryException(path + "[" + i + "]", "the same " + what + " "
                        + key.apply(items.get(i)) + " appears twice");
            }
        }
    }
}
