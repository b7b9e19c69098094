package dev.switchboard.emulator.signalwire;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.ApiResponse;
import dev.switchboard.emulator.server.Json;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code GET /phone_numbers/search} with the backend's rules: {@code areacode} 3 digits; {@code number_type}
 * {@code local} or {@code toll-free}; {@code starts_with}, {@code contains}, {@code ends_with} 3 to 7 digits
 * and mutually exclusive (matched on the 10-digit national number); {@code max_results} 1 to 100
 * (default 50); {@code city} requires {@code region}; toll-free takes neither. Violations are 422s. The
 * answer is the real shape: {@code {"links": {}, "data": [{e164, ...}]}}, not paged.
 */
final class SearchRoute {
    private static final Pattern AREACODE = Pattern.compile("\\d{3}");
    private static final Pattern DIGITS = Pattern.compile("\\d{3,7}");

    private SearchRoute() {
    }

    static ApiResponse search(SwCall call) {
        String type = call.query("number_type") == null ? "local" : call.query("number_type");
        if (!type.equals("local") && !type.equals("toll-free")) {
            throw SwErrors.invalid("number_type must be local or toll-free");
        }
        boolean tollFree = type.equals("toll-free");
        String areacode = call.query("areacode");
        String region = call.query("region");
        String city = call.query("city");
        if (areacode != null && !AREACODE.matcher(areacode).matches()) {
            throw SwErrors.invalid("areacode must be 3 digits");
        }
        if (tollFree && (region != null || city != null)) {
            throw SwErrors.invalid("Toll-free number search does not support those search filters");
        }
        if (city != null && region == null) {
            throw SwErrors.invalid("city requires region");
        }
        String startsWith = pattern(call, "starts_with");
        String contains = pattern(call, "contains");
        String endsWith = pattern(call, "ends_with");
        if ((startsWith != null ? 1 : 0) + (contains != null ? 1 : 0) + (endsWith != null ? 1 : 0) > 1) {
            throw SwErrors.invalid("starts_with, contains and ends_with cannot be combined");
        }
        int max = maxResults(call);
        ObjectNode body = Json.object();
        body.putObject("links");
        ArrayNode data = body.putArray("data");
        for (NumberStock.Offer offer : call.state().stock().offers()) {
            if (data.size() >= max) {
                break;
            }
            String national = offer.national();
            boolean matches = offer.tollFree() == tollFree
                    && (areacode == null || national.startsWith(areacode))
                    && (region == null || region.equalsIgnoreCase(offer.region()))
                    && (city == null || city.equalsIgnoreCase(offer.city()))
                    && (startsWith == null || national.startsWith(startsWith))
                    && (contains == null || national.contains(contains))
                    && (endsWith == null || national.endsWith(endsWith))
                    && call.state().isForSale(offer.e164());
            if (matches) {
                data.add(item(offer));
            }
        }
        return ApiResponse.json(200, body);
    }

    static ObjectNode item(NumberStock.Offer offer) {
        String n = offer.national();
        ObjectNode item = Json.object().put("e164", offer.e164())
                .put("national_number_formatted", "(" + n.substring(0, 3) + ") " + n.substring(3, 6) + "-" + n.substring(6))
                .put("international_number_formatted", "+1 " + n.substring(0, 3) + "-" + n.substring(3, 6) + "-" + n.substring(6))
                .put("rate_center", offer.city() == null ? null : offer.city().toUpperCase(Locale.ROOT))
                .put("region", offer.region())
                .put("country_code", "US");
        ArrayNode capabilities = item.putArray("capabilities");
        offer.capabilities().forEach(capabilities::add);
        return item;
    }

    private static String pattern(SwCall call, String name) {
        String value = call.query(name);
        if (value != null && !DIGITS.matcher(value).matches()) {
            throw SwErrors.invalid(name + " must be 3 to 7 digits");
        }
        return value;
    }

    private static int maxResults(SwCall call) {
        String text = call.query("max_results");
        if (text == null) {
            return 50;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 1 && value <= 100) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw SwErrors.invalid("max_results must be an integer from 1 to 100");
    }
}
