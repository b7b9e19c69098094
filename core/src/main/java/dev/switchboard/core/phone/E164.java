package dev.switchboard.core.phone;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.Optional;

/**
 * A phone number in E.164 form ({@code +} then 2 to 15 digits, the first one 1-9), for example
 * {@code +14155552671}.
 *
 * <p>Construction normalises the input by removing spaces, dashes, dots and parentheses, so
 * {@code new E164("+1 (415) 555-2671")} and {@code E164.parse("+1.415.555.2671")} are equal. The number
 * must be <em>possible</em> for its country calling code (libphonenumber's length-based check); it does
 * not have to be <em>valid</em>, because real accounts hold numbers in unassigned ranges such as
 * {@code +10114870006}. Use {@link #isValid()} to warn about those. A number typed with a national trunk
 * prefix after the country code ({@code +44 0 20...}) is rejected rather than rewritten, with the
 * canonical form suggested, so that a number is never silently changed into a different string.
 *
 * <p>JSON: written as the plain string and read back from it; also usable as a JSON object key.
 */
public record E164(String value) implements Comparable<E164> {
    private static final PhoneNumberUtil PHONE_UTIL = PhoneNumberUtil.getInstance();
    private static final int MIN_DIGITS = 2;
    private static final int MAX_DIGITS = 15;

    /**
     * Normalises and checks {@code value}.
     *
     * @throws InvalidPhoneNumberException when the input is not a possible E.164 number
     */
    public E164 {
        value = normaliseAndCheck(value);
    }

    /** Parses {@code raw} (see the class comment for the accepted forms). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static E164 parse(String raw) {
        return new E164(raw);
    }

    /** Like {@link #parse(String)}, but empty instead of an exception for bad input. */
    public static Optional<E164> tryParse(String raw) {
        try {
            return Optional.of(new E164(raw));
        } catch (InvalidPhoneNumberException e) {
            return Optional.empty();
        }
    }

    /** The E.164 string, e.g. {@code +14155552671}. */
    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /**
     * Whether libphonenumber considers the number assigned/valid for a region. Informational: an invalid
     * but possible number is still accepted.
     */
    public boolean isValid() {
        return PHONE_UTIL.isValidNumber(toPhoneNumber());
    }

    /** The country calling code, e.g. {@code 1} or {@code 44}. */
    public int countryCode() {
        return toPhoneNumber().getCountryCode();
    }

    /**
     * The CLDR region code of the number (e.g. {@code "US"}, {@code "GB"}; {@code "001"} for
     * non-geographic codes). When the number is not valid for any single region, the main region of its
     * country calling code (e.g. {@code "US"} for {@code +1}).
     */
    public String regionCode() {
        PhoneNumber number = toPhoneNumber();
        String region = PHONE_UTIL.getRegionCodeForNumber(number);
        return region != null ? region : PHONE_UTIL.getRegionCodeForCountryCode(number.getCountryCode());
    }

    /** The libphonenumber form, for formatting and further checks. A new object on each call. */
    public PhoneNumber toPhoneNumber() {
        try {
            return PHONE_UTIL.parse(value, "ZZ");
        } catch (NumberParseException e) {
            throw new IllegalStateException("checked number no longer parses: " + value, e);
        }
    }

    @Override
    public int compareTo(E164 other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String normaliseAndCheck(String raw) {
        if (raw == null) {
            throw new InvalidPhoneNumberException(null, "no number given");
        }
        String compact = stripSeparators(raw);
        if (compact.isEmpty()) {
            throw new InvalidPhoneNumberException(raw, "empty");
        }
        if (compact.charAt(0) != '+') {
            throw new InvalidPhoneNumberException(raw, "must start with + and the country code (E.164)");
        }
        String digits = compact.substring(1);
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidPhoneNumberException(raw, "unexpected character '" + printable(c) + "' after +");
            }
        }
        if (digits.length() < MIN_DIGITS || digits.length() > MAX_DIGITS) {
            throw new InvalidPhoneNumberException(raw,
                    "E.164 numbers have " + MIN_DIGITS + " to " + MAX_DIGITS + " digits, got " + digits.length());
        }
        if (digits.charAt(0) == '0') {
            throw new InvalidPhoneNumberException(raw, "country code cannot start with 0");
        }
        checkPossible(raw, compact);
        return compact;
    }

    private static void checkPossible(String raw, String compact) {
        PhoneNumber number;
        try {
            number = PHONE_UTIL.parse(compact, "ZZ");
        } catch (NumberParseException e) {
            throw new InvalidPhoneNumberException(raw, switch (e.getErrorType()) {
                case INVALID_COUNTRY_CODE -> "unknown country calling code";
                case TOO_SHORT_NSN, TOO_SHORT_AFTER_IDD -> "too short for its country code";
                case TOO_LONG -> "too long";
                default -> "not a phone number";
            });
        }
        PhoneNumberUtil.ValidationResult possible = PHONE_UTIL.isPossibleNumberWithReason(number);
        switch (possible) {
            case IS_POSSIBLE, IS_POSSIBLE_LOCAL_ONLY -> { }
            case TOO_SHORT -> throw new InvalidPhoneNumberException(raw, "too short for country code +" + number.getCountryCode());
            case TOO_LONG -> throw new InvalidPhoneNumberException(raw, "too long for country code +" + number.getCountryCode());
            case INVALID_COUNTRY_CODE -> throw new InvalidPhoneNumberException(raw, "unknown country calling code");
            default -> throw new InvalidPhoneNumberException(raw,
                    "length not possible for country code +" + number.getCountryCode());
        }
        String canonical = PHONE_UTIL.format(number, PhoneNumberFormat.E164);
        if (!canonical.equals(compact)) {
            throw new InvalidPhoneNumberException(raw,
                    "contains a national trunk prefix after the country code (E.164 form is " + canonical + ")");
        }
    }

    private static String stripSeparators(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)
                    || c == '-' || c == '.' || c == '(' || c == ')') {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String printable(char c) {
        return Character.isISOControl(c) || Character.isSurrogate(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }
}
