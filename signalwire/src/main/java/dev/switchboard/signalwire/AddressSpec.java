package dev.switchboard.signalwire;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The fields of a new E911 address ({@code POST /addresses}). The constructor enforces the documented
 * rules so a bad address fails here, naming the rule: every field but {@code addressType},
 * {@code addressNumber} and the flags is required; {@code label} is at most 250 characters;
 * {@code country} is ISO 3166 alpha-2; {@code state} is two letters in the US and Canada;
 * {@code addressType} is one of {@link #ADDRESS_TYPES}. Carrier validation (and its suggested
 * corrections) happens on the server, only for US addresses with {@code emergencyEnabled}.
 *
 * @param autoCorrectAddress whether the carrier may correct the address (null leaves SignalWire's default, true)
 */
public record AddressSpec(String label, String country, String firstName, String lastName, String streetNumber,
                          String streetName, String addressType, String addressNumber, String city, String state,
                          String postalCode, boolean emergencyEnabled, Boolean autoCorrectAddress) {

    /** The address types SignalWire accepts. */
    public static final List<String> ADDRESS_TYPES = List.of("Apartment", "Basement", "Building", "Department",
            "Floor", "Office", "Penthouse", "Suite", "Trailer", "Unit");

    private static final Pattern ALPHA_2 = Pattern.compile("[A-Z]{2}");

    public AddressSpec {
        label = required(label, "label");
        check(label.length() <= 250, "label must be at most 250 characters");
        country = required(country, "country").toUpperCase(Locale.ROOT);
        check(ALPHA_2.matcher(country).matches(), "country must be an ISO 3166 alpha-2 code such as US");
        firstName = required(firstName, "first_name");
        lastName = required(lastName, "last_name");
        streetNumber = required(streetNumber, "street_number");
        streetName = required(streetName, "street_name");
        city = required(city, "city");
        state = required(state, "state");
        if (country.equals("US") || country.equals("CA")) {
            state = state.toUpperCase(Locale.ROOT);
            check(ALPHA_2.matcher(state).matches(), "state must be a 2-letter code in the US and Canada");
        }
        postalCode = required(postalCode, "postal_code");
        if (addressType != null) {
            String given = addressType;
            addressType = ADDRESS_TYPES.stream().filter(type -> type.equalsIgnoreCase(given)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("invalid address: address_type must be one of "
                            + String.join(", ", ADDRESS_TYPES)));
        }
        check(addressNumber == null || addressType != null, "address_number needs an address_type (e.g. Suite)");
    }

    private static String required(String value, String name) {
        check(value != null && !value.isBlank(), name + " is required");
        return value.strip();
    }

    private static void check(boolean rule, String text) {
        if (!rule) {
            throw new IllegalArgumentException("invalid address: " + text);
        }
    }
}
