package dev.switchboard.signalwire;

import java.time.Instant;

/**
 * An E911 address ({@code /api/relay/rest/addresses}). The first 32 characters of {@code label} are the
 * caller name shown to the dispatcher. Only US addresses with {@code emergencyEnabled} are validated by
 * the carrier; {@code validated} tells whether that happened.
 */
public record Address(String id, String label, String country, String firstName, String lastName,
                      String streetNumber, String streetName, String addressType, String addressNumber, String city,
                      String state, String postalCode, boolean emergencyEnabled, boolean validated,
                      Instant validatedAt) {

    /** One line for people: {@code 123 Main St Suite 4, New York, NY 10001, US}. */
    public String oneLine() {
        StringBuilder line = new StringBuilder();
        line.append(streetNumber == null ? "" : streetNumber + " ").append(streetName == null ? "" : streetName);
        if (addressType != null) {
            line.append(' ').append(addressType).append(addressNumber == null ? "" : " " + addressNumber);
        }
        line.append(", ").append(city).append(", ").append(state).append(' ').append(postalCode).append(", ")
                .append(country);
        return line.toString().strip();
    }
}
