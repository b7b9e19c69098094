package dev.switchboard.signalwire.inventory;

import dev.switchboard.signalwire.Address;
import dev.switchboard.signalwire.NumberFilter;
import dev.switchboard.signalwire.NumberGroup;
import dev.switchboard.signalwire.NumberGroupMembership;
import dev.switchboard.signalwire.PhoneNumber;
import dev.switchboard.signalwire.SignalWireClient;
import dev.switchboard.signalwire.VerifiedCallerId;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a SignalWire project holds now (all pages), for export, plan and drift. */
public record SignalWireLive(List<PhoneNumber> numbers, Map<NumberGroup, List<NumberGroupMembership>> groups,
                             List<Address> addresses, List<VerifiedCallerId> callerIds) {
    public SignalWireLive {
        numbers = List.copyOf(numbers);
        groups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        addresses = List.copyOf(addresses);
        callerIds = List.copyOf(callerIds);
    }

    public static SignalWireLive read(SignalWireClient client) {
        Map<NumberGroup, List<NumberGroupMembership>> groups = new LinkedHashMap<>();
        for (NumberGroup group : client.directory().numberGroups(null)) {
            groups.put(group, client.directory().memberships(group.id()));
        }
        return new SignalWireLive(client.phoneNumbers(NumberFilter.all()), groups, client.directory().addresses(null),
                client.directory().verifiedCallerIds());
    }
}
