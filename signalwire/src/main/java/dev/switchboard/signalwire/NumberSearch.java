package dev.switchboard.signalwire;

import java.util.regex.Pattern;

/**
 * Search terms for numbers on sale ({@code GET /phone_numbers/search}); every field optional (null).
 * The constructor enforces the rules SignalWire's backend enforces, so a bad search fails here, naming
 * the rule, instead of at the API:
 * <ul>
 *   <li>{@code areacode} is 3 digits;</li>
 *   <li>{@code startsWith}, {@code contains} and {@code endsWith} are 3 to 7 digits each and mutually
 *       exclusive;</li>
 *   <li>{@code city} requires {@code region} (an ISO 3166-2 subdivision code such as {@code TX});</li>
 *   <li>toll-free searches take neither {@code region} nor {@code city};</li>
 *   <li>{@code maxResults} is 1 to 100 (SignalWire's default is 50).</li>
 * </ul>
 * Combining {@code areacode}, {@code region} and {@code city} is allowed. There is no country
 * parameter: Relay REST search covers US and Canadian numbers.
 */
public record NumberSearch(SearchNumberType numberType, String areacode, String region, String city,
                           String startsWith, String contains, String endsWith, Integer maxResults) {
    public static final int MAX_RESULTS_LIMIT = 100;

    private static final Pattern AREACODE = Pattern.compile("\\d{3}");
    private static final Pattern PATTERN_DIGITS = Pattern.compile("\\d{3,7}");
    private static final Pattern REGION = Pattern.compile("[A-Za-z]{2}");

    public NumberSearch {
        check(areacode == null || AREACODE.matcher(areacode).matches(), "areacode must be 3 digits");
        checkPattern(startsWith, "starts_with");
        checkPattern(contains, "contains");
        checkPattern(endsWith, "ends_with");
        int patterns = (startsWith == null ? 0 : 1) + (contains == null ? 0 : 1) + (endsWith == null ? 0 : 1);
        check(patterns <= 1, "starts_with, contains and ends_with are mutually exclusive");
        check(region == null || REGION.matcher(region).matches(),
                "region must be a 2-letter subdivision code such as TX");
        check(city == null || !city.isBlank(), "city must not be blank");
        check(city == null || region != null, "city requires region (the state)");
        check(numberType != SearchNumberType.TOLL_FREE || (region == null && city == null),
                "toll-free searches take neither region nor city");
        check(maxResults == null || (maxResults >= 1 && maxResults <= MAX_RESULTS_LIMIT),
                "max_results must be 1 to " + MAX_RESULTS_LIMIT);
    }

    /** Local numbers anywhere, SignalWire's default result count. */
    public static NumberSearch local() {
        return new NumberSearch(null, null, null, null, null, null, null, null);
    }

    public static NumberSearch tollFree() {
        return new NumberSearch(SearchNumberType.TOLL_FREE, null, null, null, null, null, null, null);
    }

    public NumberSearch withAreacode(String value) {
        return new NumberSearch(numberType, value, region, city, startsWith, contains, endsWith, maxResults);
    }

    public NumberSearch withRegion(String value) {
        return new NumberSearch(numberType, areacode, value, city, startsWith, contains, endsWith, maxResults);
    }

    public NumberSearch withCity(String value) {
        return new NumberSearch(numberType, areacode, region, value, startsWith, contains, endsWith, maxResults);
    }

    public NumberSearch withStartsWith(String value) {
        return new NumberSearch(numberType, areacode, region, city, value, contains, endsWith, maxResults);
    }

    public NumberSearch withContains(String value) {
        return new NumberSearch(numberType, areacode, region, city, startsWith, value, endsWith, maxResults);
    }

    public NumberSearch withEndsWith(String value) {
        return new NumberSearch(numberType, areacode, region, city, startsWith, contains, value, maxResults);
    }

    public NumberSearch withMaxResults(Integer value) {
        return new NumberSearch(numberType, areacode, region, city, startsWith, contains, endsWith, value);
    }

    private static void checkPattern(String value, String name) {
        check(value == null || PATTERN_DIGITS.matcher(value).matches(), name + " must be 3 to 7 digits");
    }

    private static void check(boolean rule, String text) {
        if (!rule) {
            throw new IllegalArgumentException("invalid number search: " + text);
        }
    }
}
