package dev.switchboard.daily.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.http.Secret;
import dev.switchboard.daily.DialinConfig;
import dev.switchboard.daily.DialinConfigSpec;
import dev.switchboard.daily.DialinType;
import dev.switchboard.daily.LegacyPinEntry;
import dev.switchboard.daily.LegacyPinlessEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A dial-in config as a plan holds it ({@code config_data}): the fields of a modern config or of a legacy
 * array entry, with {@code type}, the source's read-only {@code sipUri}, and, when a {@code dailybots}
 * placeholder was replaced, both webhook values ({@code sourceRoomCreationApi} to restore on rollback,
 * {@code targetRoomCreationApi} to create on the target). Fields this version does not know are kept in
 * {@code extra} (written back to plan and failure files, never sent).
 */
public record PlannedConfig(DialinType type, String phoneNumber, String sipUri, Secret hmac, String roomCreationApi,
                            String sourceRoomCreationApi, String targetRoomCreationApi, String namePrefix,
                            String holdMusicUrl, JsonNode timeoutConfig, JsonNode ivrGreeting, ObjectNode extra) {
    /** Daily Bots' sentinel webhook value, which must be replaced by a real URL before a config moves. */
    public static final String DAILYBOTS = "dailybots";

    public PlannedConfig {
        Objects.requireNonNull(type, "type");
        timeoutConfig = timeoutConfig == null || timeoutConfig.isNull() ? null : timeoutConfig.deepCopy();
        ivrGreeting = ivrGreeting == null || ivrGreeting.isNull() ? null : ivrGreeting.deepCopy();
        extra = extra == null ? JsonNodeFactory.instance.objectNode() : extra.deepCopy();
    }

    public static PlannedConfig of(DialinConfig config) {
        return new PlannedConfig(config.type(), config.phoneNumber(), config.sipUri(), config.hmac(),
                config.roomCreationApi(), null, null, config.namePrefix(), config.holdMusicUrl(),
                config.timeoutConfig(), config.ivrGreeting(), config.extra());
    }

    public static PlannedConfig of(LegacyPinlessEntry entry) {
        return new PlannedConfig(DialinType.PINLESS_DIALIN, entry.phoneNumber(), entry.sipUri(), entry.hmac(),
                entry.roomCreationApi(), null, null, entry.namePrefix(), entry.holdMusicUrl(), entry.timeoutConfig(),
                null, entry.extra());
    }

    public static PlannedConfig of(LegacyPinEntry entry) {
        return new PlannedConfig(DialinType.PIN_DIALIN, entry.phoneNumber(), null, null, null, null, null,
                entry.namePrefix(), null, null, entry.ivrGreeting(), entry.extra());
    }

    @Override
    public JsonNode timeoutConfig() {
        return timeoutConfig == null ? null : timeoutConfig.deepCopy();
    }

    @Override
    public JsonNode ivrGreeting() {
        return ivrGreeting == null ? null : ivrGreeting.deepCopy();
    }

    @Override
    public ObjectNode extra() {
        return extra.deepCopy();
    }

    public boolean isSipOnly() {
        return phoneNumber == null;
    }

    /** The webhook the target config gets. */
    public String targetRoomApi() {
        return targetRoomCreationApi != null ? targetRoomCreationApi : roomCreationApi;
    }

    /** The webhook a restored source config gets (the original value, even a placeholder). */
    public String sourceRoomApi() {
        return sourceRoomCreationApi != null ? sourceRoomCreationApi : roomCreationApi;
    }

    /** True when the source webhook is Daily Bots' placeholder and no replacement is set yet. */
    public boolean needsRoomApiReplacement() {
        return type == DialinType.PINLESS_DIALIN && DAILYBOTS.equals(targetRoomApi());
    }

    /** This config with the placeholder webhook replaced, both values kept (as the original utility does). */
    public PlannedConfig withRoomApiReplacement(String url) {
        return new PlannedConfig(type, phoneNumber, sipUri, hmac, url, roomCreationApi, url, namePrefix, holdMusicUrl,
                timeoutConfig, ivrGreeting, extra);
    }

    /** What to create on the target: same hmac, the target webhook, no {@code sip_uri}. */
    public DialinConfigSpec targetSpec() {
        return spec(targetRoomApi());
    }

    /** What to re-create on the source on rollback: same hmac, the original webhook. */
    public DialinConfigSpec sourceSpec() {
        return spec(sourceRoomApi());
    }

    private DialinConfigSpec spec(String roomApi) {
        return new DialinConfigSpec(type, phoneNumber, namePrefix, hmac, roomApi, holdMusicUrl, timeoutConfig,
                ivrGreeting);
    }

    /** The legacy array entry that restores this config on the source (Daily assigns the sip_uri). */
    public LegacyPinlessEntry sourceLegacyPinless() {
        return new LegacyPinlessEntry(phoneNumber, null, hmac, sourceRoomApi(), namePrefix, holdMusicUrl,
                timeoutConfig, extra);
    }

    public LegacyPinEntry sourceLegacyPin() {
        return new LegacyPinEntry(phoneNumber, namePrefix, ivrGreeting, extra);
    }

    /** Whether {@code live} carries the same hmac (a pin config has none: then true). */
    public boolean sameHmac(Secret live) {
        return Objects.equals(hmac, live);
    }

    /**
     * The names of the fields in which {@code live} differs from this config as it should be on the
     * target ({@code sip_uri} and unknown fields are not compared).
     */
    public List<String> differencesOnTarget(DialinConfig live) {
        List<String> fields = new ArrayList<>();
        compare(fields, "type", type, live.type());
        compare(fields, "phone_number", phoneNumber, live.phoneNumber());
        if (!sameHmac(live.hmac())) {
            fields.add("hmac");
        }
        compare(fields, "room_creation_api", type == DialinType.PINLESS_DIALIN ? targetRoomApi() : null,
                live.roomCreationApi());
        compare(fields, "name_prefix", namePrefix, live.namePrefix());
        compare(fields, "hold_music_url", holdMusicUrl, live.holdMusicUrl());
        compare(fields, "timeout_config", timeoutConfig, live.timeoutConfig());
        compare(fields, "ivr_greeting", ivrGreeting, live.ivrGreeting());
        return fields;
    }

    private static void compare(List<String> fields, String name, Object planned, Object live) {
        if (!Objects.equals(planned, live)) {
            fields.add(name);
        }
    }

    /** The plan-file form: unknown fields, then every set field, {@code type} last as the original writes it. */
    public ObjectNode toJson() {
        ObjectNode node = extra.deepCopy();
        put(node, "phone_number", phoneNumber);
        put(node, "sip_uri", sipUri);
        put(node, "hmac", hmac == null ? null : hmac.reveal());
        put(node, "room_creation_api", roomCreationApi);
        put(node, "source_room_creation_api", sourceRoomCreationApi);
        put(node, "target_room_creation_api", targetRoomCreationApi);
        put(node, "name_prefix", namePrefix);
        put(node, "hold_music_url", holdMusicUrl);
        if (timeoutConfig != null) {
            node.set("timeout_config", timeoutConfig.deepCopy());
        }
        if (ivrGreeting != null) {
            node.set("ivr_greeting", ivrGreeting.deepCopy());
        }
        node.put("type", type.wireName());
        return node;
    }

    /**
     * The inverse of {@link #toJson()}, without the plan file's checks: for configs as a domain held them
     * (journal backups), which must be restorable whatever they contain.
     */
    static PlannedConfig fromJson(ObjectNode node) {
        ObjectNode extra = node.deepCopy();
        extra.remove(List.of("phone_number", "sip_uri", "hmac", "room_creation_api", "source_room_creation_api",
                "target_room_creation_api", "name_prefix", "hold_music_url", "timeout_config", "ivr_greeting", "type"));
        String hmac = EntryContext.text(node, "hmac");
        DialinType type = "pin_dialin".equals(EntryContext.text(node, "type")) ? DialinType.PIN_DIALIN
                : DialinType.PINLESS_DIALIN;
        return new PlannedConfig(type, EntryContext.text(node, "phone_number"), EntryContext.text(node, "sip_uri"),
                hmac == null ? null : Secret.of(hmac), EntryContext.text(node, "room_creation_api"),
                EntryContext.text(node, "source_room_creation_api"), EntryContext.text(node, "target_room_creation_api"),
                EntryContext.text(node, "name_prefix"), EntryContext.text(node, "hold_music_url"),
                node.get("timeout_config"), node.get("ivr_greeting"), extra);
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    @Override
    public String toString() {
        return "PlannedConfig[" + type.wireName() + ", " + (phoneNumber != null ? phoneNumber : "sip-only " + sipUri)
                + ", hmac " + (hmac == null ? "none" : "****") + "]";
    }
}
