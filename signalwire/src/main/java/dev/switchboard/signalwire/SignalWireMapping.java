package dev.switchboard.signalwire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.http.HttpJson;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * SignalWire's JSON to this client's records and back. Field names are the real Relay REST and LaML
 * names. Optional strings arrive as null or as "" depending on the number's history; both become null.
 */
final class SignalWireMapping {
    private SignalWireMapping() {
    }

    static PhoneNumber phoneNumber(JsonNode item) {
        String id = text(item, "id");
        if (id == null) {
            throw new IllegalStateException("SignalWire returned a phone number without an id");
        }
        CallHandling call = new CallHandling(text(item, "call_handler"), text(item, "calling_handler_resource_id"),
                text(item, "call_receive_mode"), text(item, "call_request_url"), text(item, "call_request_method"),
                text(item, "call_fallback_url"), text(item, "call_fallback_method"),
                text(item, "call_status_callback_url"), text(item, "call_status_callback_method"),
                text(item, "call_laml_application_id"), text(item, "call_dialogflow_agent_id"),
                text(item, "call_relay_context"), text(item, "call_relay_context_status_callback_url"),
                text(item, "call_relay_topic"), text(item, "call_relay_topic_status_callback_url"),
                text(item, "call_relay_application"), text(item, "call_relay_connector_id"),
                text(item, "call_sip_endpoint_id"), text(item, "call_verto_resource"), text(item, "call_video_room_id"),
                text(item, "call_relay_script_url"));
        MessageHandling message = new MessageHandling(text(item, "message_handler"),
                text(item, "messaging_handler_resource_id"), text(item, "message_request_url"),
                text(item, "message_request_method"), text(item, "message_fallback_url"),
                text(item, "message_fallback_method"), text(item, "message_laml_application_id"),
                text(item, "message_relay_context"), text(item, "message_relay_topic"));
        return new PhoneNumber(id, text(item, "name"), text(item, "number"), strings(item.get("capabilities")),
                text(item, "number_type"), text(item, "e911_address_id"), text(item, "e911_status"),
                instant(text(item, "created_at")), instant(text(item, "updated_at")),
                instant(text(item, "next_billed_at")), call, message, text(item, "country_code"));
    }

    /** A search result; clients built from the 2026 spec see {@code number}, the live API sends {@code e164}. */
    static AvailableNumber availableNumber(JsonNode item) {
        String e164 = text(item, "e164") != null ? text(item, "e164") : text(item, "number");
        JsonNode capabilities = item.get("capabilities");
        List<String> names = capabilities != null && capabilities.isObject() ? trueKeys(capabilities) : strings(capabilities);
        return new AvailableNumber(e164, text(item, "national_number_formatted"),
                text(item, "international_number_formatted"), text(item, "rate_center"), text(item, "region"),
                text(item, "country_code"), names);
    }

    static ObjectNode updateBody(PhoneNumberUpdate update) {
        ObjectNode body = HttpJson.object();
        update.toWire().forEach((name, value) -> {
            if (value == null) {
                body.putNull(name);
            } else {
                body.put(name, value);
            }
        });
        return body;
    }

    static Address address(JsonNode item) {
        String postal = text(item, "postal_code") != null ? text(item, "postal_code") : text(item, "zip_code");
        return new Address(text(item, "id"), text(item, "label"), text(item, "country"), text(item, "first_name"),
                text(item, "last_name"), text(item, "street_number"), text(item, "street_name"),
                text(item, "address_type"), text(item, "address_number"), text(item, "city"), text(item, "state"),
                postal, item.path("emergency_enabled").asBoolean(false), item.path("validated").asBoolean(false),
                instant(text(item, "validated_at")));
    }

    static ObjectNode addressBody(AddressSpec spec) {
        ObjectNode body = HttpJson.object()
                .put("label", spec.label()).put("country", spec.country())
                .put("first_name", spec.firstName()).put("last_name", spec.lastName())
                .put("street_number", spec.streetNumber()).put("street_name", spec.streetName())
                .put("city", spec.city()).put("state", spec.state()).put("postal_code", spec.postalCode())
                .put("emergency_enabled", spec.emergencyEnabled());
        if (spec.addressType() != null) {
            body.put("address_type", spec.addressType());
        }
        if (spec.addressNumber() != null) {
            body.put("address_number", spec.addressNumber());
        }
        if (spec.autoCorrectAddress() != null) {
            body.put("auto_correct_address", spec.autoCorrectAddress());
        }
        return body;
    }

    static NumberGroup numberGroup(JsonNode item) {
        return new NumberGroup(text(item, "id"), text(item, "name"), item.path("sticky_sender").asBoolean(false),
                item.path("phone_number_count").asInt(0));
    }

    static NumberGroupMembership membership(JsonNode item) {
        JsonNode number = item.path("phone_number");
        return new NumberGroupMembership(text(item, "id"), text(item, "number_group_id"), text(number, "id"),
                text(number, "number"), text(number, "name"), strings(number.get("capabilities")),
                instant(text(item, "created_at")), instant(text(item, "updated_at")));
    }

    static VerifiedCallerId verifiedCallerId(JsonNode item) {
        return new VerifiedCallerId(text(item, "id"), text(item, "name"), text(item, "extension"),
                text(item, "number"), item.path("verified").asBoolean(false), instant(text(item, "verified_at")),
                text(item, "status"));
    }

    static CallRecord call(JsonNode item) {
        JsonNode duration = item.get("duration");
        Long seconds = duration != null && !duration.isNull() && !duration.asText().isBlank()
                ? Long.valueOf(duration.asText().strip()) : null;
        return new CallRecord(text(item, "sid"), text(item, "from"), text(item, "to"), text(item, "direction"),
                text(item, "status"), instant(text(item, "start_time")), instant(text(item, "end_time")), seconds);
    }

    static MessageRecord message(JsonNode item) {
        JsonNode segments = item.get("num_segments");
        Integer count = segments != null && !segments.isNull() && !segments.asText().isBlank()
                ? Integer.valueOf(segments.asText().strip()) : null;
        return new MessageRecord(text(item, "sid"), text(item, "from"), text(item, "to"), text(item, "direction"),
                text(item, "status"), instant(text(item, "date_sent")), count);
    }

    /** A string field; null, "", containers and absent fields are all null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isEmpty() ? null : text;
    }

    /** An ISO-8601 (Relay REST) or RFC 2822 (LaML) timestamp, or null when absent or unknown. */
    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notIso) {
            try {
                return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException unknownFormat) {
                return null;
            }
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(item -> values.add(item.asText()));
        }
        return values;
    }

    private static List<String> trueKeys(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.properties().forEach(field -> {
            if (field.getValue().asBoolean(false)) {
                names.add(field.getKey().toLowerCase(java.util.Locale.ROOT));
            }
        });
        return names;
    }
}
