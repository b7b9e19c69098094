package dev.switchboard.signalwire;

import java.util.List;

/** One number's membership of a {@link NumberGroup}, with the summary of the number SignalWire embeds. */
public record NumberGroupMembership(String id, String numberGroupId, String phoneNumberId, String number, String name,
                                    List<String> capabilities) {
    public NumberGroupMembership {
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    }
}
