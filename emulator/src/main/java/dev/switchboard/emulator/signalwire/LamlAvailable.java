package dev.switchboard.emulator.signalwire;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.ApiResponse;
import dev.switchboard.emulator.server.Json;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code .../AvailablePhoneNumbers/{IsoCountry}/Local[.json]} and {@code .../TollFree[.json]}: the same stock
 * as the Relay REST search, in the compatibility shape {@code {uri, available_phone_numbers: [...]}}.
 * Filters: {@code AreaCode} (3 digits), {@code Contains} (digits, letters as on a phone keypad, {@code *} for
 * any digit), {@code InRegion} (2 letters), {@code InLocality} (needs {@code InRegion}), {@code InRateCenter};
 * {@code PageSize} caps the answer (default 50). {@code Beta}, the {@code *Enabled} and {@code Exclude*}
 * parameters are accepted without effect; the location filters the stock has no data for
 * ({@code InPostalCode}, {@code InLata}, {@code NearNumber}, {@code NearLatLong}, {@code Distance}) answer 400
 * rather than being silently ignored. Only {@code US} is stocked; other countries answer 404.
 */
final class LamlAvailable {
    private static final Pattern AREA_CODE = Pattern.compile("\\d{3}");
    private static final Pattern CONTAINS = Pattern.compile("[0-9a-zA-Z*]{2,10}");
    private static final List<String> UNSUPPORTED = List.of("InPostalCode", "InLata", "NearNumber", "NearLatLong",
            "Distance");
    private static final String KEYPAD = "22233344455566677778889999";

    private LamlAvailable() {
    }

    static ApiResponse local(SwCall call) {
        return search(call, false);
    }

    static ApiResponse tollFree(SwCall call) {
        return search(call, true);
    }

    private static ApiResponse search(SwCall call, boolean tollFree) {
        LamlRoutes.checkAccount(call);
        if (!"US".equals(call.param("country"))) {
            throw SwErrors.lamlNotFound(call.request().path());
        }
        for (String parameter : UNSUPPORTED) {
            if (call.query(parameter) != null) {
                throw SwErrors.laml(400, "20001", parameter + " is not supported by the emulator");
            }
        }
        String areaCode = call.query("AreaCode");
        if (areaCode != null && !AREA_CODE.matcher(areaCode).matches()) {
            throw SwErrors.laml(400, "20001", "AreaCode must be 3 digits");
        }
        String contains = call.query("Contains");
        if (contains != null && !CONTAINS.matcher(contains).matches()) {
            throw SwErrors.laml(400, "20001", "Contains must be 2 to 10 characters of 0-9, a-z and *");
        }
        Pattern digits = contains == null ? null : pattern(contains);
        String region = call.query("InRegion");
        String locality = call.query("InLocality");
        if (locality != null && region == null) {
            throw SwErrors.laml(400, "20001", "InLocality requires InRegion");
        }
        String rateCenter = call.query("InRateCenter");
        int max = call.query("PageSize") == null ? 50 : LamlPage.intParam(call, "PageSize", 1, 1000);
        ObjectNode body = Json.object();
        body.put("uri", call.request().path() + (call.request().rawQuery() == null ? "" : "?" + call.request().rawQuery()));
        ArrayNode items = body.putArray("available_phone_numbers");
        for (NumberStock.Offer offer : call.state().stock().offers()) {
            if (items.size() >= max) {
                break;
            }
            String national = offer.national();
            boolean matches = offer.tollFree() == tollFree
                    && (areaCode == null || national.startsWith(areaCode))
                    && (digits == null || digits.matcher(offer.e164()).find())
                    && (region == null || region.equalsIgnoreCase(offer.region()))
                    && (locality == null || locality.equalsIgnoreCase(offer.city()))
                    && (rateCenter == null || (offer.city() != null && rateCenter.equalsIgnoreCase(offer.city())))
                    && call.state().isForSale(offer.e164());
            if (matches) {
                items.add(item(offer));
            }
        }
        return ApiResponse.json(200, body);
    }

    private static ObjectNode item(NumberStock.Offer offer) {
        ObjectNode item = Json.object().put("friendly_name", CallerIdRoutes.formatted(offer.e164()))
                .put("phone_number", offer.e164()).putNull("lata")
                .put("locality", offer.city())
                .put("rate_center", offer.city() == null ? null : offer.city().toUpperCase(Locale.ROOT))
                .putNull("latitude").putNull("longitude").put("region", offer.region()).putNull("postal_code")
                .put("iso_country", "US").putNull("address_requirements").put("beta", false);
        List<String> capabilities = offer.capabilities();
        item.putObject("capabilities").put("voice", capabilities.contains("voice"))
                .put("SMS", capabilities.contains("sms")).put("MMS", capabilities.contains("mms"))
                .put("fax", capabilities.contains("fax"));
        return item;
    }

    /**
     * A Twilio-style number pattern as a regex over E.164 text: letters become their keypad digit, {@code *}
     * any digit, other characters stand for themselves (a leading {@code +} included).
     */
    static Pattern pattern(String text) {
        StringBuilder regex = new StringBuilder();
        for (char c : text.strip().toCharArray()) {
            char upper = Character.toUpperCase(c);
            if (upper >= 'A' && upper <= 'Z') {
                regex.append(KEYPAD.charAt(upper - 'A'));
            } else if (c == '*') {
                regex.append("\\d");
            } else if (Character.isDigit(c)) {
                regex.append(c);
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
