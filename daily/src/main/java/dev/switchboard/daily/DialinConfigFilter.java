package dev.switchboard.daily;

import java.util.List;

/**
 * Optional server-side filters for listing dial-in configs; null (or an empty list) means no filter.
 * {@code phoneNumbers} matches any config whose number contains one of the values (Daily's substring
 * match); {@code sipUsername} is the user part of the SIP URI.
 */
public record DialinConfigFilter(String phoneNumber, List<String> phoneNumbers, String sipUsername, String namePrefix,
                                 DialinType type) {
    public DialinConfigFilter {
        phoneNumbers = phoneNumbers == null ? List.of() : List.copyOf(phoneNumbers);
    }

    public static DialinConfigFilter all() {
        return new DialinConfigFilter(null, List.of(), null, null, null);
    }

    public static DialinConfigFilter byPhoneNumber(String number) {
        return new DialinConfigFilter(number, List.of(), null, null, null);
    }

    public static DialinConfigFilter byType(DialinType type) {
        return new DialinConfigFilter(null, List.of(), null, null, type);
    }
}
