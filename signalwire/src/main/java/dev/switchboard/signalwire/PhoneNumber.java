package dev.switchboard.signalwire;

import java.time.Instant;
import java.util.List;

/**
 * A number owned by the project: the Relay REST phone-number resource ({@code /api/relay/rest/phone_numbers}),
 * all 40 documented fields plus {@code e911_status}, with the call and message handler fields grouped.
 * {@code name} is null right after purchase. {@code numberType} is {@code longcode} or {@code toll-free};
 * {@code capabilities} holds values among {@code voice}, {@code fax}, {@code sms}, {@code mms}.
 * {@code e911Status} is null, {@code pending}, {@code active}, {@code failed}, {@code pending_removal} or
 * {@code unregistered}.
 */
public record PhoneNumber(String id, String name, String number, List<String> capabilities, String numberType,
                          String e911AddressId, String e911Status, Instant createdAt, Instant updatedAt,
                          Instant nextBilledAt, CallHandling call, MessageHandling message, String countryCode) {

    public PhoneNumber {
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    }

    public boolean hasCapability(String capability) {
        return capabilities.contains(capability);
    }
}
