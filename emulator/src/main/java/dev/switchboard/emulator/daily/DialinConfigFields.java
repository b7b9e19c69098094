package dev.switchboard.emulator.daily;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.Json;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks the fields of a dial-in config body. Accepts the flat form ({@code type} plus fields) and the
 * nested {@code {"type", "config": {...}}} form. {@code sip_uri} is read-only and ignored; pinless-only fields
 * on a pin config (and {@code ivr_greeting} on a pinless one) are rejected.
 */
final class DialinConfigFields {
    private static final Set<String> STRING_FIELDS = Set.of("phone_number", "name_prefix", "hmac",
            "room_creation_api", "hold_music_url");
    private static final Set<String> OBJECT_FIELDS = Set.of("timeout_config", "ivr_greeting");
    private static final Set<String> PINLESS_ONLY = Set.of("hmac", "room_creation_api", "hold_music_url");
    private static final Set<String> PIN_ONLY = Set.of("ivr_greeting");

    private DialinConfigFields() {
    }

    /** The type named by the body; required for create. */
    static String type(ObjectNode body) {
        String type = Json.text(body, "type");
        if (type == null) {
            throw DailyErrors.invalid("missing required field: type");
        }
        if (!DialinConfig.PINLESS.equals(type) && !DialinConfig.PIN.equals(type)) {
            throw DailyErrors.invalid("type must be pinless_dialin or pin_dialin");
        }
        return type;
    }

    /** The config fields of the body (flattened), checked for the type; nulls are kept (they clear on update). */
    static ObjectNode fields(ObjectNode body, String type) {
        ObjectNode fields = Json.object();
        for (Map.Entry<String, JsonNode> entry : body.properties()) {
            String name = entry.getKey();
            if ("type".equals(name)) {
                continue;
            }
            if ("config".equals(name)) {
                if (!entry.getValue().isObject()) {
                    throw DailyErrors.invalid("config must be an object");
                }
                entry.getValue().properties().forEach(e -> fields.set(e.getKey(), e.getValue()));
            } else {
                fields.set(name, entry.getValue());
            }
        }
        fields.remove("sip_uri");
        for (Map.Entry<String, JsonNode> entry : fields.properties()) {
            check(entry.getKey(), entry.getValue(), type);
        }
        return fields;
    }

    private static void check(String name, JsonNode value, String type) {
        if (!STRING_FIELDS.contains(name) && !OBJECT_FIELDS.contains(name)) {
            throw DailyErrors.invalid("unknown field: " + name);
        }
        if (DialinConfig.PIN.equals(type) && PINLESS_ONLY.contains(name)) {
            throw DailyErrors.invalid(name + " is only for pinless_dialin");
        }
        if (DialinConfig.PINLESS.equals(type) && PIN_ONLY.contains(name)) {
            throw DailyErrors.invalid(name + " is only for pin_dialin");
        }
        if (value.isNull()) {
            return;
        }
        if (STRING_FIELDS.contains(name) && !value.isTextual()) {
            throw DailyErrors.invalid(name + " must be a string");
        }
        if (OBJECT_FIELDS.contains(name) && !value.isObject()) {
            throw DailyErrors.invalid(name + " must be an object");
        }
        if ("phone_number".equals(name) && !E164.valid(value.asText())) {
            throw DailyErrors.invalid("phone_number must be in E.164 format");
        }
        DialinValueRules.check(name, value);
    }
}
