package dev.switchboard.signalwire.inventory;

import dev.switchboard.signalwire.Address;
import dev.switchboard.signalwire.NumberGroup;
import dev.switchboard.signalwire.NumberGroupMembership;
import dev.switchboard.signalwire.PhoneNumber;
import dev.switchboard.signalwire.VerifiedCallerId;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A project's live state as the {@code signalwire:} section, in a stable order: numbers and caller ids by
 * number, groups by name (members sorted), addresses by label; E911 assignments name the address label.
 */
public final class SignalWireExport {
    private SignalWireExport() {
    }

    public static SignalWireInventory export(SignalWireLive live) {
        Map<String, String> labels = live.addresses().stream()
                .collect(Collectors.toMap(Address::id, Address::label, (a, b) -> a));
        List<SignalWireInventory.Number> numbers = live.numbers().stream()
                .sorted(Comparator.comparing(PhoneNumber::number))
                .map(n -> new SignalWireInventory.Number(n.number(), n.name(),
                        SignalWireViews.handlers(n, SignalWireViews.CALL), SignalWireViews.handlers(n, SignalWireViews.MESSAGE),
                        n.e911AddressId() == null ? null : labels.getOrDefault(n.e911AddressId(), n.e911AddressId()), null))
                .toList();
        List<SignalWireInventory.Group> groups = live.groups().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(NumberGroup::name)))
                .map(e -> new SignalWireInventory.Group(e.getKey().name(), e.getKey().stickySender(),
                        e.getValue().stream().map(NumberGroupMembership::number).sorted().toList()))
                .toList();
        List<SignalWireInventory.E911Address> addresses = live.addresses().stream()
                .sorted(Comparator.comparing(Address::label)).map(SignalWireViews::entry).toList();
        List<SignalWireInventory.CallerId> callerIds = live.callerIds().stream()
                .sorted(Comparator.comparing(VerifiedCallerId::number)).map(SignalWireExport::entry).toList();
        return new SignalWireInventory(numbers, groups, addresses, callerIds);
    }

    static SignalWireInventory.CallerId entry(VerifiedCallerId callerId) {
        return new SignalWireInventory.CallerId(callerId.number(), callerId.name(), callerId.extension());
    }
}
