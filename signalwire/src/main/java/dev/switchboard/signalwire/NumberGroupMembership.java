package dev.switchboard.signalwire;

import java.time.Instant;
import java.util.List;

/** One number's membership of a {@link NumberGroup}, with the summary of the number SignalWire embeds. */
public record NumberGroupMembership(String id, String numberGroupId, String phoneNumberId, String number, String name,
                                    List<String> capabilities, Instant createdAt, Instant updatedAt) {
    public NumberGroupMembership {
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    }

    /** A membership whose dates are not known. */
    public NumberGroupMembership(String id, String numberGroupId, String phoneNumberId, String number, String name,
                                 List<String> capabilities) {
        this(id, numberGroupId, phoneNumberId, number, name, capabilities, null, null);
    }
}
