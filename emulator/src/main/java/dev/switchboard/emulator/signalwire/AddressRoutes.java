package dev.switchboard.emulator.signalwire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.ApiResponse;
import dev.switchboard.emulator.server.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code /addresses}: E911 addresses. Required fields are checked (one 422 detail per missing field). A US
 * address with {@code emergency_enabled} goes through emulated carrier validation: the state must be a US
 * state, the ZIP five digits (or ZIP+4), the street number start with a digit. The carrier abbreviates
 * street suffixes ("Main Street" becomes "Main St"): with {@code auto_correct_address} (the default) the
 * correction is stored; without it the answer is a 422 with the correction as a {@code candidate}.
 * Non-US addresses are stored with {@code emergency_enabled: false}. Create answers 201.
 */
final class AddressRoutes {
    static final List<String> REQUIRED = List.of("label", "country", "first_name", "last_name", "street_number",
            "street_name", "city", "state", "postal_code");
    /** Every key of the resource, in order. */
    static final List<String> FIELDS = List.of("id", "label", "country", "first_name", "last_name", "street_number",
            "street_name", "address_type", "address_number", "city", "state", "postal_code", "zip_code",
            "emergency_enabled", "validated", "validated_at");
    private static final List<String> TYPES = List.of("Apartment", "Basement", "Building", "Department", "Floor",
            "Office", "Penthouse", "Suite", "Trailer", "Unit");
    private static final Set<String> US_STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL",
            "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE",
            "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT",
            "VA", "WA", "WV", "WI", "WY", "PR");
    private static final Map<String, String> SUFFIXES = Map.of("Street", "St", "Avenue", "Ave", "Road", "Rd",
            "Boulevard", "Blvd", "Drive", "Dr", "Lane", "Ln", "Court", "Ct", "Place", "Pl");
    private static final Pattern ZIP = Pattern.compile("\\d{5}(-\\d{4})?");

    private AddressRoutes() {
    }

    static ApiResponse list(SwCall call) {
        String label = call.query("filter_label");
        List<SwRecord> matching = SwProject.newestFirst(call.project().addresses.values()).stream()
                .filter(a -> label == null || NumberRoutes.contains(a.text("label"), label)).toList();
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("filter_label", label);
        return ApiResponse.json(200, RelayPage.answer(call, matching, filters, a -> a.resource().deepCopy()));
    }

    static ApiResponse get(SwCall call) {
        return ApiResponse.json(200, address(call).resource().deepCopy());
    }

    static ApiResponse create(SwCall call) {
        String id = call.state().newId();
        ObjectNode resource = validated(call, call.body(), id);
        SwRecord address = new SwRecord(id, call.project().register(id), resource, call.now());
        call.project().addresses.put(id, address);
        return ApiResponse.json(201, resource.deepCopy());
    }

    static ApiResponse update(SwCall call) {
        SwRecord existing = address(call);
        ObjectNode merged = existing.resource().deepCopy();
        call.body().properties().forEach(field -> merged.set(field.getKey(), field.getValue()));
        ObjectNode resource = validated(call, merged, existing.id());
        existing.resource().removeAll();
        existing.resource().setAll(resource);
        return ApiResponse.json(200, resource.deepCopy());
    }

    static ApiResponse delete(SwCall call) {
        call.project().addresses.remove(address(call).id());
        return new ApiResponse(204, null, Map.of());
    }

    private static SwRecord address(SwCall call) {
        SwRecord address = call.project().addresses.get(call.param("id"));
        if (address == null) {
            throw SwErrors.notFound();
        }
        return address;
    }

    private static ObjectNode validated(SwCall call, ObjectNode body, String id) {
        List<String> problems = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : REQUIRED) {
            String value = SwCall.string(body, field);
            if (value == null || value.isBlank()) {
                problems.add(SwCall.humanize(field) + " can't be blank");
            } else {
                values.put(field, value.strip());
            }
        }
        String label = values.getOrDefault("label", "");
        if (label.length() > 250) {
            problems.add("Label is too long (maximum is 250 characters)");
        }
        String country = values.getOrDefault("country", "").toUpperCase(Locale.ROOT);
        if (!country.isEmpty() && !country.matches("[A-Z]{2}")) {
            problems.add("Country must be an ISO 3166 alpha-2 code");
        }
        String state = values.getOrDefault("state", "");
        boolean northAmerica = country.equals("US") || country.equals("CA");
        if (northAmerica && !state.isEmpty() && !state.matches("[A-Za-z]{2}")) {
            problems.add("State must be a 2-letter code");
        }
        String type = SwCall.string(body, "address_type");
        if (type != null && TYPES.stream().noneMatch(t -> t.equals(type))) {
            problems.add("Address type is not included in the list");
        }
        if (!problems.isEmpty()) {
            throw SwErrors.invalidAll(problems, null);
        }
        boolean emergency = body.path("emergency_enabled").asBoolean(false) && country.equals("US");
        boolean autoCorrect = body.path("auto_correct_address").asBoolean(true);
        String streetName = values.get("street_name");
        if (emergency) {
            streetName = carrierCheck(values, state.toUpperCase(Locale.ROOT), autoCorrect);
        }
        ObjectNode resource = Json.object().put("label", label).put("country", country)
                .put("first_name", values.get("first_name")).put("last_name", values.get("last_name"))
                .put("street_number", values.get("street_number")).put("street_name", streetName)
                .put("address_type", type).put("address_number", SwCall.string(body, "address_number"))
                .put("city", values.get("city")).put("state", northAmerica ? state.toUpperCase(Locale.ROOT) : state)
                .put("postal_code", values.get("postal_code"))
                .put("emergency_enabled", emergency).put("validated", emergency)
                .put("validated_at", emergency ? SwTime.iso(call.now()) : null);
        return shaped(id, resource);
    }

    /**
     * The one shape of an address resource, whether created through the API or loaded from a state document:
     * every key of {@link #FIELDS} in that order, absent ones null ({@code zip_code} repeats {@code postal_code},
     * the flags default to false).
     */
    static ObjectNode shaped(String id, JsonNode input) {
        ObjectNode resource = Json.object().put("id", id);
        for (String field : FIELDS.subList(1, FIELDS.size())) {
            JsonNode value = input.get(field);
            resource.set(field, value == null ? NullNode.getInstance() : value.deepCopy());
        }
        if (resource.get("zip_code").isNull()) {
            resource.set("zip_code", resource.get("postal_code").deepCopy());
        }
        for (String flag : new String[] {"emergency_enabled", "validated"}) {
            if (!resource.get(flag).isBoolean()) {
                resource.put(flag, resource.get(flag).asBoolean(false));
            }
        }
        return resource;
    }

    /** The carrier's check of a US emergency address; returns the street name as the carrier keeps it. */
    private static String carrierCheck(Map<String, String> values, String state, boolean autoCorrect) {
        List<String> problems = new ArrayList<>();
        if (!US_STATES.contains(state)) {
            problems.add("Address could not be validated: " + state + " is not a US state");
        }
        if (!ZIP.matcher(values.get("postal_code")).matches()) {
            problems.add("Address could not be validated: postal code must be a 5-digit ZIP code");
        }
        if (!Character.isDigit(values.get("street_number").charAt(0))) {
            problems.add("Address could not be validated: street number must start with a digit");
        }
        if (!problems.isEmpty()) {
            throw SwErrors.invalidAll(problems, null);
        }
        String streetName = values.get("street_name");
        String corrected = abbreviate(streetName);
        if (!corrected.equals(streetName) && !autoCorrect) {
            ArrayNode candidates = Json.array();
            candidates.addObject().put("street_number", values.get("street_number")).put("street_name", corrected)
                    .put("city", values.get("city")).put("state", state).put("postal_code", values.get("postal_code"));
            throw SwErrors.invalidAll(List.of("Address could not be validated as entered"), candidates);
        }
        return corrected;
    }

    private static String abbreviate(String streetName) {
        String[] words = streetName.split("\\s+");
        String last = words[words.length - 1];
        for (Map.Entry<String, String> suffix : SUFFIXES.entrySet()) {
            if (suffix.getKey().equalsIgnoreCase(last)) {
                words[words.length - 1] = suffix.getValue();
                return String.join(" ", words);
            }
        }
        return streetName;
    }

    static boolean isUsable(JsonNode address) {
        return address.path("emergency_enabled").asBoolean(false) && address.path("validated").asBoolean(false);
    }
}
