package dev.switchboard.emulator.daily;

import java.util.Map;

/**
 * The validated query of {@code GET /list-available-numbers}. Rules: region is two letters and excludes
 * areacode; city needs region and excludes areacode, starts_with, contains and ends_with; contains, starts_with
 * and ends_with are 3-7 digits and mutually exclusive; areacode is 3 digits. Digit filters apply to the
 * national number (without {@code +1}).
 */
record AvailableNumberQuery(String areacode, String region, String city, String contains, String startsWith,
                            String endsWith) {

    static AvailableNumberQuery parse(Map<String, String> query) {
        AvailableNumberQuery q = new AvailableNumberQuery(get(query, "areacode"), get(query, "region"),
                get(query, "city"), get(query, "contains"), get(query, "starts_with"), get(query, "ends_with"));
        q.validate();
        return q;
    }

    private void validate() {
        if (areacode != null && !areacode.matches("\\d{3}")) {
            throw DailyErrors.validation("areacode must be 3 digits");
        }
        if (region != null && (!region.matches("[A-Za-z]{2}") || areacode != null)) {
            throw DailyErrors.validation("region must be an ISO 3166-2 alpha-2 code and cannot be used with areacode");
        }
        if (city != null && (region == null || areacode != null || startsWith != null || contains != null
                || endsWith != null)) {
            throw DailyErrors.validation(
                    "city requires region and cannot be used with areacode, starts_with, contains or ends_with");
        }
        for (String digits : new String[] {contains, startsWith, endsWith}) {
            if (digits != null && !digits.matches("\\d{3,7}")) {
                throw DailyErrors.validation("contains, starts_with and ends_with must be 3 to 7 digits");
            }
        }
        int digitFilters = (contains != null ? 1 : 0) + (startsWith != null ? 1 : 0) + (endsWith != null ? 1 : 0);
        if (digitFilters > 1) {
            throw DailyErrors.validation("starts_with, contains and ends_with cannot be combined");
        }
    }

    boolean matches(NumberInventory.Candidate candidate) {
        NumberInventory.Area area = candidate.area();
        String national = candidate.national();
        return (areacode == null || area.areaCode().equals(areacode))
                && (region == null || area.region().equalsIgnoreCase(region))
                && (city == null || area.city().equalsIgnoreCase(city))
                && (contains == null || national.contains(contains))
                && (startsWith == null || national.startsWith(startsWith))
                && (endsWith == null || national.endsWith(endsWith));
    }

    private static String get(Map<String, String> query, String name) {
        String value = query.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
