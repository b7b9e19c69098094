package dev.switchboard.emulator.daily;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.Json;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * The deprecated domain-level {@code pinless_dialin} / {@code pin_dialin} arrays. A new array replaces the old
 * one. A pinless entry without {@code hmac} gets a new one; {@code sip_uri} is server-assigned (a sent value is
 * ignored) and an entry keeping its phone number (or, for SIP-only entries, echoing its sip_uri) keeps its URI.
 * A phone number that is new to the array must be owned by the domain; entries carried over unchanged are
 * accepted even if the number has since left the domain, so stale arrays can still be cleaned up.
 */
final class LegacyDialin {
    private static final Set<String> PINLESS_FIELDS = Set.of("phone_number", "room_creation_api", "name_prefix",
            "sip_uri", "hmac", "hold_music_url", "timeout_config");
    private static final Set<String> PIN_FIELDS = Set.of("phone_number", "name_prefix", "ivr_greeting");

    private LegacyDialin() {
    }

    /**
     * @param fromApi true for {@code POST /} (ownership checked, sent sip_uri ignored); false when loading a
     *                state file (sip_uri kept when present, ownership not checked)
     */
    static ArrayNode pinless(JsonNode value, DailyDomain domain, DailyState state, boolean fromApi) {
        ArrayNode entries = requireArray(value, "pinless_dialin");
        ArrayNode result = Json.array();
        Set<String> seen = new HashSet<>();
        for (JsonNode raw : entries) {
            ObjectNode entry = checkEntry(raw, "pinless_dialin", PINLESS_FIELDS);
            checkObjectField(entry, "timeout_config");
            String number = checkNumber(entry, domain, state, domain.pinless, fromApi, "pinless", seen);
            String sentSip = Json.text(entry, "sip_uri");
            String sipUri = fromApi ? existingSipUri(domain.pinless, number, sentSip) : sentSip;
            if (sipUri == null) {
                sipUri = state.newStaticSipUri(domain);
            }
            ObjectNode stored = entry.deepCopy();
            stored.put("sip_uri", sipUri);
            if (Json.text(stored, "hmac") == null) {
                stored.put("hmac", state.newHmac());
            } else if (!Base64Check.valid(stored.get("hmac").asText())) {
                throw DailyErrors.invalid("hmac must be base64");
            }
            result.add(stored);
        }
        return result;
    }

    static ArrayNode pin(JsonNode value, DailyDomain domain, DailyState state, boolean fromApi) {
        ArrayNode entries = requireArray(value, "pin_dialin");
        ArrayNode result = Json.array();
        Set<String> seen = new HashSet<>();
        for (JsonNode raw : entries) {
            ObjectNode entry = checkEntry(raw, "pin_dialin", PIN_FIELDS);
            checkObjectField(entry, "ivr_greeting");
            if (checkNumber(entry, domain, state, domain.pin, fromApi, "pin", seen) == null) {
                throw DailyErrors.invalid("pin_dialin entries require phone_number");
            }
            result.add(entry.deepCopy());
        }
        return result;
    }

    /** A number is either pinless or pin dial-in, never both. */
    static void checkNoNumberInBoth(ArrayNode pinless, ArrayNode pin) {
        if (pinless == null || pin == null) {
            return;
        }
        Set<String> pinNumbers = new HashSet<>();
        pin.forEach(e -> pinNumbers.add(Json.text(e, "phone_number")));
        for (JsonNode entry : pinless) {
            String number = Json.text(entry, "phone_number");
            if (number != null && pinNumbers.contains(number)) {
                throw DailyErrors.invalid(number + " cannot be used for both pinless_dialin and pin_dialin");
            }
        }
    }

    private static String checkNumber(ObjectNode entry, DailyDomain domain, DailyState state, ArrayNode previous,
                                      boolean fromApi, String kind, Set<String> seen) {
        JsonNode node = entry.get("phone_number");
        if (node == null || node.isNull()) {
            return null;
        }
        String number = node.asText();
        if (!node.isTextual() || !E164.valid(number)) {
            throw DailyErrors.invalid("phone_number must be an E.164 string");
        }
        if (!seen.add(number)) {
            throw DailyErrors.invalid(number + " appears twice in " + kind + "_dialin");
        }
        if (fromApi && !containsNumber(previous, number) && !state.owns(domain, number)) {
            throw DailyErrors.invalid("Failed to configure " + kind + " dialin: " + E164.digits(number)
                    + " not associated with domain: " + domain.name);
        }
        return number;
    }

    private static String existingSipUri(ArrayNode previous, String number, String sentSip) {
        if (previous == null) {
            return null;
        }
        for (JsonNode old : previous) {
            String oldNumber = Json.text(old, "phone_number");
            boolean same = number != null ? number.equals(oldNumber)
                    : oldNumber == null && sentSip != null && sentSip.equals(Json.text(old, "sip_uri"));
            if (same) {
                return Json.text(old, "sip_uri");
            }
        }
        return null;
    }

    private static boolean containsNumber(ArrayNode entries, String number) {
        if (entries == null) {
            return false;
        }
        for (JsonNode entry : entries) {
            if (number.equals(Json.text(entry, "phone_number"))) {
                return true;
            }
        }
        return false;
    }

    private static ArrayNode requireArray(JsonNode value, String name) {
        if (!(value instanceof ArrayNode array)) {
            throw DailyErrors.invalid(name + " must be an array");
        }
        return array;
    }

    private static ObjectNode checkEntry(JsonNode raw, String name, Set<String> allowed) {
        if (!(raw instanceof ObjectNode entry)) {
            throw DailyErrors.invalid(name + " entries must be objects");
        }
        for (Iterator<String> it = entry.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!allowed.contains(field)) {
                throw DailyErrors.invalid("unknown field in " + name + ": " + field);
            }
            JsonNode value = entry.get(field);
            if (!value.isNull() && !value.isTextual() && !field.endsWith("_config") && !field.equals("ivr_greeting")) {
                throw DailyErrors.invalid(name + "." + field + " must be a string");
            }
            if (!value.isNull() && !field.equals("sip_uri")) {
                DialinValueRules.check(field, value);
            }
        }
        return entry;
    }

    private static void checkObjectField(ObjectNode entry, String field) {
        JsonNode value = entry.get(field);
        if (value != null && !value.isNull() && !value.isObject()) {
            throw DailyErrors.invalid(field + " must be an object");
        }
    }
}
