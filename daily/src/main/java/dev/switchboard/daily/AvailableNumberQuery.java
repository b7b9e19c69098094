package dev.switchboard.daily;

import java.util.regex.Pattern;

/**
 * Search terms for numbers on sale; every field optional (null). The constructor enforces Daily's
 * documented combination rules, so a bad query fails here, naming the rule, instead of at the API:
 * <ul>
 *   <li>{@code areacode} is 3 digits;</li>
 *   <li>{@code region} is an ISO 3166-2 alpha-2 code and cannot be combined with {@code areacode};</li>
 *   <li>{@code city} requires {@code region} and cannot be combined with {@code areacode},
 *       {@code starts_with}, {@code contains} or {@code ends_with};</li>
 *   <li>{@code contains}, {@code starts_with}, {@code ends_with} are 3 to 7 digits each, and at most one
 *       of them may be given ({@code starts_with} excludes the other two, {@code ends_with} excludes
 *       {@code contains}).</li>
 * </ul>
 */
public record AvailableNumberQuery(String areacode, String region, String city, String contains, String startsWith,
                                   String endsWith) {
    private static final Pattern DIGITS_3_TO_7 = Pattern.compile("\\d{3,7}");
    private static final Pattern ALPHA_2 = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern AREA_CODE = Pattern.compile("\\d{3}");

    public AvailableNumberQuery {
        check(areacode == null || AREA_CODE.matcher(areacode).matches(), "areacode must be 3 digits");
        check(region == null || ALPHA_2.matcher(region).matches(),
                "region must be an ISO 3166-2 alpha-2 code such as CA");
        check(region == null || areacode == null, "region cannot be combined with areacode");
        check(city == null || region != null, "city requires region");
        check(city == null || (areacode == null && startsWith == null && contains == null && endsWith == null),
                "city cannot be combined with areacode, starts_with, contains or ends_with");
        checkDigits(contains, "contains");
        checkDigits(startsWith, "starts_with");
        checkDigits(endsWith, "ends_with");
        check(startsWith == null || (contains == null && endsWith == null),
                "starts_with cannot be combined with contains or ends_with");
        check(endsWith == null || contains == null, "ends_with cannot be combined with starts_with or contains");
        check(city == null || !city.isBlank(), "city must not be blank");
    }

    public static AvailableNumberQuery any() {
        return new AvailableNumberQuery(null, null, null, null, null, null);
    }

    public static AvailableNumberQuery inAreaCode(String areacode) {
        return new AvailableNumberQuery(areacode, null, null, null, null, null);
    }

    public static AvailableNumberQuery inRegion(String region) {
        return new AvailableNumberQuery(null, region, null, null, null, null);
    }

    public AvailableNumberQuery withCity(String value) {
        return new AvailableNumberQuery(areacode, region, value, contains, startsWith, endsWith);
    }

    public AvailableNumberQuery withContains(String value) {
        return new AvailableNumberQuery(areacode, region, city, value, startsWith, endsWith);
    }

    public AvailableNumberQuery withStartsWith(String value) {
        return new AvailableNumberQuery(areacode, region, city, contains, value, endsWith);
    }

    public AvailableNumberQuery withEndsWith(String value) {
        return new AvailableNumberQuery(areacode, region, city, contains, startsWith, value);
    }

    private static void checkDigits(String value, String name) {
        check(value == null || DIGITS_3_TO_7.matcher(value).matches(), name + " must be 3 to 7 digits");
    }

    private static void check(boolean rule, String text) {
        if (!rule) {
            throw new IllegalArgumentException("invalid available-number search: " + text);
        }
    }
}
