package dev.switchboard.daily;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.http.HttpJson;
import dev.switchboard.core.http.Secret;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Daily's JSON to this client's records and back. Field names follow Daily's OpenAPI spec. */
final class DailyMapping {
    private static final Set<String> PINLESS_FIELDS = Set.of("phone_number", "sip_uri", "hmac", "room_creation_api",
            "name_prefix", "hold_music_url", "timeout_config");
    private static final Set<String> PIN_FIELDS = Set.of("phone_number", "name_prefix", "ivr_greeting");
    private static final Set<String> CONFIG_FIELDS = Set.of("type", "phone_number", "sip_uri", "hmac",
            "room_creation_api", "name_prefix", "hold_music_url", "timeout_config", "ivr_greeting");

    private DailyMapping() {
    }

    static Domain domain(JsonNode body) {
        String name = text(body, "domain_name");
        if (name == null) {
            throw new IllegalStateException("Daily's GET / answer has no domain_name");
        }
        JsonNode config = body.path("config");
        List<LegacyPinlessEntry> pinless = new ArrayList<>();
        config.path("pinless_dialin").forEach(entry -> pinless.add(new LegacyPinlessEntry(text(entry, "phone_number"),
                text(entry, "sip_uri"), secret(entry, "hmac"), text(entry, "room_creation_api"), text(entry, "name_prefix"),
                text(entry, "hold_music_url"), entry.get("timeout_config"), extra(entry, PINLESS_FIELDS))));
        List<LegacyPinEntry> pin = new ArrayList<>();
        config.path("pin_dialin").forEach(entry -> pin.add(new LegacyPinEntry(text(entry, "phone_number"),
                text(entry, "name_prefix"), entry.get("ivr_greeting"), extra(entry, PIN_FIELDS))));
        return new Domain(name, text(body, "domain_id"),
                new DomainConfig(pinless, pin, extra(config, Set.of("pinless_dialin", "pin_dialin"))));
    }

    /** The {@code POST /} body; every pinless entry must carry its hmac (else Daily would make a new one). */
    static ObjectNode legacyDialinBody(List<LegacyPinlessEntry> pinless, List<LegacyPinEntry> pin) {
        ObjectNode properties = HttpJson.object();
        var pinlessArray = properties.putArray("pinless_dialin");
        for (LegacyPinlessEntry entry : pinless) {
            if (entry.hmac() == null) {
                throw new IllegalArgumentException("legacy pinless entry " + describe(entry.phoneNumber(), entry.sipUri())
                        + " has no hmac; replacing it would make Daily generate a new one and break its webhook receiver");
            }
            ObjectNode item = entry.extra();
            item.remove("sip_uri");
            putIfPresent(item, "phone_number", entry.phoneNumber());
            putIfPresent(item, "room_creation_api", entry.roomCreationApi());
            putIfPresent(item, "name_prefix", entry.namePrefix());
            item.put("hmac", entry.hmac().reveal());
            putIfPresent(item, "hold_music_url", entry.holdMusicUrl());
            if (entry.timeoutConfig() != null) {
                item.set("timeout_config", entry.timeoutConfig());
            }
            pinlessArray.add(item);
        }
        var pinArray = properties.putArray("pin_dialin");
        for (LegacyPinEntry entry : pin) {
            ObjectNode item = entry.extra();
            putIfPresent(item, "phone_number", entry.phoneNumber());
            putIfPresent(item, "name_prefix", entry.namePrefix());
            if (entry.ivrGreeting() != null) {
                item.set("ivr_greeting", entry.ivrGreeting());
            }
            pinArray.add(item);
        }
        ObjectNode body = HttpJson.object();
        body.set("properties", properties);
        return body;
    }

    static PurchasedNumber purchasedNumber(JsonNode item) {
        JsonNode pagination = item.get("pagination_id");
        String created = text(item, "created_date") != null ? text(item, "created_date") : text(item, "created_at");
        return new PurchasedNumber(blankToNull(text(item, "id")),
                pagination != null && pagination.canConvertToLong() ? pagination.asLong() : null,
                text(item, "number") != null ? text(item, "number") : text(item, "phone_number"),
                text(item, "name"), text(item, "type"), text(item, "status"), bool(item, "verified"), instant(created),
                text(item, "country"), text(item, "provider"), bool(item, "deleted"));
    }

    static AvailableNumber availableNumber(JsonNode item) {
        String number = text(item, "phoneNumber") != null ? text(item, "phoneNumber") : text(item, "number");
        return new AvailableNumber(number, text(item, "region"));
    }

    static DialinConfig dialinConfig(JsonNode wrapper) {
        String id = text(wrapper, "id");
        if (id == null) {
            throw new IllegalStateException("Daily returned a dial-in config without an id");
        }
        JsonNode config = wrapper.path("config");
        String type = text(wrapper, "type") != null ? text(wrapper, "type") : text(config, "type");
        String created = text(wrapper, "created_at") != null ? text(wrapper, "created_at") : text(config, "created_at");
        return new DialinConfig(id, DialinType.fromWire(type), text(config, "phone_number"), text(config, "sip_uri"),
                secret(config, "hmac"), text(config, "room_creation_api"), text(config, "name_prefix"),
                text(config, "hold_music_url"), config.get("timeout_config"), config.get("ivr_greeting"),
                instant(created), extra(config, CONFIG_FIELDS));
    }

    /** The flat create body: {@code type} plus the config fields; never {@code sip_uri}. */
    static ObjectNode createBody(DialinConfigSpec spec) {
        ObjectNode body = HttpJson.object().put("type", spec.type().wireName());
        putConfigFields(body, spec.phoneNumber(), spec.namePrefix(), spec.hmac(), spec.roomCreationApi(),
                spec.holdMusicUrl(), spec.timeoutConfig(), spec.ivrGreeting());
        return body;
    }

    static ObjectNode patchBody(DialinConfigPatch patch) {
        ObjectNode body = HttpJson.object();
        putConfigFields(body, patch.phoneNumber(), patch.namePrefix(), patch.hmac(), patch.roomCreationApi(),
                patch.holdMusicUrl(), patch.timeoutConfig(), patch.ivrGreeting());
        return body;
    }

    static VerifiedCallerId verifiedCallerId(JsonNode item, String fallbackNumber, String fallbackName) {
        String number = text(item, "number") != null ? text(item, "number") : text(item, "phone_number");
        return new VerifiedCallerId(blankToNull(text(item, "id")), number != null ? number : fallbackNumber,
                text(item, "name") != null ? text(item, "name") : fallbackName);
    }

    static Participant participant(JsonNode item) {
        JsonNode duration = item.get("duration");
        return new Participant(text(item, "room"), text(item, "id"), text(item, "userId"), text(item, "userName"),
                text(item, "mtgSessionId"), instant(text(item, "joinTime")),
                duration != null && duration.canConvertToLong() ? duration.asLong() : null);
    }

    private static void putConfigFields(ObjectNode body, String phoneNumber, String namePrefix, Secret hmac,
                                        String roomCreationApi, String holdMusicUrl, JsonNode timeoutConfig,
                                        JsonNode ivrGreeting) {
        putIfPresent(body, "phone_number", phoneNumber);
        putIfPresent(body, "name_prefix", namePrefix);
        if (hmac != null) {
            body.put("hmac", hmac.reveal());
        }
        putIfPresent(body, "room_creation_api", roomCreationApi);
        putIfPresent(body, "hold_music_url", holdMusicUrl);
        if (timeoutConfig != null) {
            body.set("timeout_config", timeoutConfig);
        }
        if (ivrGreeting != null) {
            body.set("ivr_greeting", ivrGreeting);
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    /** A timestamp, or null when absent or in a format Daily is not known to use. */
    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException unknownFormat) {
            return null;
        }
    }

    private static Boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asBoolean();
    }

    private static Secret secret(JsonNode node, String field) {
        String value = text(node, field);
        return value == null || value.isBlank() ? null : Secret.of(value);
    }

    private static ObjectNode extra(JsonNode node, Set<String> known) {
        ObjectNode extra = HttpJson.object();
        if (node != null && node.isObject()) {
            node.properties().forEach(field -> {
                if (!known.contains(field.getKey())) {
                    extra.set(field.getKey(), field.getValue().deepCopy());
                }
            });
        }
        return extra;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String describe(String phoneNumber, String sipUri) {
        return phoneNumber != null ? phoneNumber : sipUri != null ? sipUri : "(no number)";
    }
}
