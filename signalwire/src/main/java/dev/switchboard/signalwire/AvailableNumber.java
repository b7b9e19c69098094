package dev.switchboard.signalwire;

import java.util.List;

/**
 * A number on sale, one item of {@code GET /phone_numbers/search}. {@code e164} is what a purchase takes.
 */
public record AvailableNumber(String e164, String nationalFormatted, String internationalFormatted,
                              String rateCenter, String region, String countryCode, List<String> capabilities) {
    public AvailableNumber {
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    }
}
