package dev.switchboard.daily.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.http.Secret;
import dev.switchboard.core.phone.E164;
import dev.switchboard.daily.DialinConfigRules;
import dev.switchboard.daily.DialinType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks and reads one plan entry (and its {@code config_data}), adding every problem found. */
final class PlanEntryReader {
    private static final Set<String> TEXT_FIELDS = Set.of("phone_number", "sip_uri", "hmac", "room_creation_api",
            "source_room_creation_api", "target_room_creation_api", "name_prefix", "hold_music_url");
    private static final Set<String> KNOWN = Set.of("phone_number", "sip_uri", "hmac", "room_creation_api",
            "source_room_creation_api", "target_room_creation_api", "name_prefix", "hold_music_url", "timeout_config",
            "ivr_greeting", "type");

    static final Set<String> ENTRY_FIELDS = Set.of("source_phone_id", "src_type", "config_id", "config_data",
            "legacy_duplicates", "fingerprint");

    private PlanEntryReader() {
    }

    static PlanEntry read(String key, JsonNode node, List<PlanProblem> problems) {
        List<PlanProblem> found = new ArrayList<>();
        PlanEntry entry = parse(key, node, found);
        problems.addAll(found);
        return found.isEmpty() ? entry : null;
    }

    private static PlanEntry parse(String key, JsonNode node, List<PlanProblem> problems) {
        if (node == null || !node.isObject()) {
            problems.add(new PlanProblem(key, "the entry must be a JSON object"));
            return null;
        }
        String phoneId = optionalText(node, "source_phone_id", key, problems);
        String srcTypeText = optionalText(node, "src_type", key, problems);
        String configId = optionalText(node, "config_id", key, problems);
        String fingerprint = optionalText(node, "fingerprint", key, problems);
        SourceKind srcType = null;
        if (srcTypeText != null) {
            Optional<SourceKind> kind = SourceKind.fromWire(srcTypeText);
            if (kind.isEmpty()) {
                problems.add(new PlanProblem(key, "unknown src_type '" + srcTypeText
                        + "' (expected domain-dialin-config, root-pinless, root-pin or null)"));
            }
            srcType = kind.orElse(null);
        }
        String entryKey = key;
        if (phoneId != null) {
            Optional<E164> number = E164.tryParse(key);
            if (number.isEmpty()) {
                problems.add(new PlanProblem(key, "the key is not an E.164 phone number (expected e.g. +14155550101)"));
                return null;
            }
            if (!number.get().value().equals(key)) {
                problems.add(new PlanProblem(key, "the key is not written in E.164; write it as "
                        + number.get().value() + " (journal and configs match entries by this exact key)"));
                return null;
            }
            entryKey = key;
        }
        JsonNode data = node.get("config_data");
        PlannedConfig config = null;
        if (data != null && !data.isNull()) {
            if (!data.isObject()) {
                problems.add(new PlanProblem(key, "config_data must be a JSON object or null"));
                return null;
            }
            config = config(key, (ObjectNode) data, problems);
        }
        List<PlannedConfig> duplicates = new ArrayList<>();
        JsonNode duplicateNodes = node.get("legacy_duplicates");
        if (duplicateNodes != null && !duplicateNodes.isNull()) {
            if (!duplicateNodes.isArray()) {
                problems.add(new PlanProblem(key, "legacy_duplicates must be an array"));
            } else {
                for (JsonNode duplicate : duplicateNodes) {
                    if (!duplicate.isObject()) {
                        problems.add(new PlanProblem(key, "legacy_duplicates items must be objects"));
                    } else {
                        PlannedConfig parsed = config(key + " (legacy duplicate)", (ObjectNode) duplicate, problems);
                        if (parsed != null) {
                            duplicates.add(parsed);
                        }
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        if (!consistent(key, entryKey, phoneId, srcType, configId, config, problems)) {
            return null;
        }
        return new PlanEntry(entryKey, phoneId, srcType, srcType == SourceKind.DOMAIN_DIALIN_CONFIG ? configId : null,
                config, duplicates, fingerprint, unknown(node, ENTRY_FIELDS));
    }

    private static boolean consistent(String key, String number, String phoneId, SourceKind srcType, String configId,
                                      PlannedConfig config, List<PlanProblem> problems) {
        if (srcType == null && config != null) {
            problems.add(new PlanProblem(key, "config_data is set but src_type is null"));
        } else if (srcType != null && config == null) {
            problems.add(new PlanProblem(key, "src_type is " + srcType.wireName() + " but config_data is null"));
        } else if (phoneId == null && config == null) {
            problems.add(new PlanProblem(key, "the entry has neither a source_phone_id nor a config"));
        }
        if (srcType == SourceKind.DOMAIN_DIALIN_CONFIG && configId == null) {
            problems.add(new PlanProblem(key, "src_type domain-dialin-config needs a config_id"));
        }
        if (config != null && srcType != null && srcType.isLegacy() && SourceKind.legacyFor(config.type()) != srcType) {
            problems.add(new PlanProblem(key, "src_type " + srcType.wireName() + " does not match config type "
                    + config.type().wireName()));
        }
        if (config != null && phoneId != null && config.phoneNumber() != null && !config.phoneNumber().equals(number)) {
            problems.add(new PlanProblem(key, "config_data.phone_number " + config.phoneNumber()
                    + " is not the entry's number"));
        }
        if (config != null && phoneId != null && config.phoneNumber() == null) {
            problems.add(new PlanProblem(key, "config_data has no phone_number but the entry moves a number"));
        }
        if (config != null && phoneId == null && config.sipUri() != null && !config.sipUri().equals(key)) {
            problems.add(new PlanProblem(key, "a SIP-only entry's key must be its config_data.sip_uri ("
                    + config.sipUri() + ")"));
        }
        if (config != null && phoneId == null && config.phoneNumber() != null) {
            problems.add(new PlanProblem(key, "config_data has phone_number " + config.phoneNumber()
                    + " but source_phone_id is null"));
        }
        return problems.isEmpty();
    }

    private static PlannedConfig config(String key, ObjectNode data, List<PlanProblem> problems) {
        int before = problems.size();
        DialinType type = null;
        String typeText = data.path("type").isTextual() ? data.get("type").asText() : null;
        if ("pinless_dialin".equals(typeText)) {
            type = DialinType.PINLESS_DIALIN;
        } else if ("pin_dialin".equals(typeText)) {
            type = DialinType.PIN_DIALIN;
        } else {
            problems.add(new PlanProblem(key, "config_data.type must be pinless_dialin or pin_dialin"));
        }
        for (String field : TEXT_FIELDS) {
            JsonNode value = data.get(field);
            if (value != null && !value.isNull() && !value.isTextual()) {
                problems.add(new PlanProblem(key, "config_data." + field + " must be a string"));
            }
        }
        objectField(key, data, "timeout_config", problems);
        objectField(key, data, "ivr_greeting", problems);
        String number = text(data, "phone_number");
        if (number != null) {
            Optional<E164> parsed = E164.tryParse(number);
            if (parsed.isEmpty()) {
                problems.add(new PlanProblem(key, "config_data.phone_number is not an E.164 number"));
            } else if (!parsed.get().value().equals(number)) {
                problems.add(new PlanProblem(key, "config_data.phone_number is not written in E.164; write it as "
                        + parsed.get().value()));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        String hmac = text(data, "hmac");
        ObjectNode extra = unknown(data, KNOWN);
        PlannedConfig config = new PlannedConfig(type, number, text(data, "sip_uri"),
                hmac == null || hmac.isBlank() ? null : Secret.of(hmac), text(data, "room_creation_api"),
                text(data, "source_room_creation_api"), text(data, "target_room_creation_api"),
                text(data, "name_prefix"), text(data, "hold_music_url"), data.get("timeout_config"),
                data.get("ivr_greeting"), extra);
        rules(key, config, problems);
        return problems.size() > before ? null : config;
    }

    private static void rules(String key, PlannedConfig config, List<PlanProblem> problems) {
        DialinConfigRules.Fields fields = new DialinConfigRules.Fields(config.phoneNumber(), config.namePrefix(),
                config.hmac() == null ? null : config.hmac().reveal(), config.roomCreationApi(), config.holdMusicUrl(),
                config.timeoutConfig(), config.ivrGreeting());
        for (DialinConfigRules.Violation violation : DialinConfigRules.forConfig(config.type(), fields)) {
            problems.add(new PlanProblem(key, "config_data." + violation));
        }
        webhook(key, "source_room_creation_api", config.sourceRoomCreationApi(), problems);
        webhook(key, "target_room_creation_api", config.targetRoomCreationApi(), problems);
        if (config.type() == DialinType.PINLESS_DIALIN) {
            if (blank(config.roomCreationApi()) && blank(config.targetRoomCreationApi())) {
                problems.add(new PlanProblem(key, "config_data.room_creation_api is missing (a pinless config needs "
                        + "its webhook URL)"));
            } else if (config.needsRoomApiReplacement()) {
                problems.add(new PlanProblem(key, "room_creation_api is still the 'dailybots' placeholder; set "
                        + "target_room_creation_api (or rerun plan with --room-creation-api URL)"));
            }
            if (config.hmac() == null) {
                problems.add(new PlanProblem(key, "config_data.hmac is missing (the target would get a new hmac and "
                        + "the webhook receiver would stop verifying)"));
            }
        } else if (config.sourceRoomCreationApi() != null || config.targetRoomCreationApi() != null) {
            problems.add(new PlanProblem(key, "source_room_creation_api and target_room_creation_api apply to "
                    + "pinless_dialin only"));
        }
    }

    private static void webhook(String key, String field, String value, List<PlanProblem> problems) {
        String problem = DialinConfigRules.DAILYBOTS.equals(value) ? null : DialinConfigRules.urlProblem(value);
        if (problem != null) {
            problems.add(new PlanProblem(key, "config_data." + field + " " + problem));
        }
    }

    private static void objectField(String key, ObjectNode data, String field, List<PlanProblem> problems) {
        JsonNode value = data.get(field);
        if (value != null && !value.isNull() && !value.isObject()) {
            problems.add(new PlanProblem(key, "config_data." + field + " must be a JSON object such as "
                    + "{\"message\": \"...\"}, not " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
    }

    /** The fields of {@code node} not in {@code known}, copied. */
    static ObjectNode unknown(JsonNode node, Set<String> known) {
        ObjectNode extra = JsonNodeFactory.instance.objectNode();
        node.properties().forEach(field -> {
            if (!known.contains(field.getKey())) {
                extra.set(field.getKey(), field.getValue().deepCopy());
            }
        });
        return extra;
    }

    private static String optionalText(JsonNode node, String field, String key, List<PlanProblem> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            problems.add(new PlanProblem(key, field + " must be a non-empty string or null"));
            return null;
        }
        return value.asText();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
