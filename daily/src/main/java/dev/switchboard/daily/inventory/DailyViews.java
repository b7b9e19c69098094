package dev.switchboard.daily.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.http.Secret;
import dev.switchboard.core.inventory.SecretRef;
import dev.switchboard.core.inventory.SecretSource;
import dev.switchboard.core.json.Json;
import dev.switchboard.daily.DialinConfig;
import dev.switchboard.daily.DialinConfigPatch;
import dev.switchboard.daily.DialinConfigSpec;
import dev.switchboard.daily.DialinType;
import dev.switchboard.daily.LegacyPinEntry;
import dev.switchboard.daily.LegacyPinlessEntry;
import dev.switchboard.daily.Webhook;
import dev.switchboard.daily.WebhookSpec;

import java.util.List;
import java.util.Objects;

/**
 * Daily resources as the file writes them (JSON objects in the file's field names), so the file and live
 * compare field by field. An hmac shows as {@code secret NAME} when live holds the named value, else as
 * {@code (another value)}: never the value itself.
 */
final class DailyViews {
    static final String OTHER_VALUE = "(another value)";
    static final String SET = "(a secret)";

    private DailyViews() {
    }

    static String typeName(DialinType type) {
        return type == DialinType.PIN_DIALIN ? "pin" : "pinless";
    }

    static DialinType type(String name) {
        return "pin".equals(name) ? DialinType.PIN_DIALIN : DialinType.PINLESS_DIALIN;
    }

    static ObjectNode desired(Object entry) {
        ObjectNode node = Json.mapper().valueToTree(entry);
        JsonNode hmac = node.get("hmac");
        if (hmac != null && hmac.has("secret")) {
            node.put("hmac", "secret " + hmac.get("secret").asText());
        }
        node.remove("sip_uri");
        node.remove("release");
        return node;
    }

    /** {@code live} (a file entry built from live state, without hmac) with its hmac shown against {@code wanted}. */
    static ObjectNode live(Object entry, Secret liveHmac, SecretRef wanted, SecretSource secrets) {
        ObjectNode node = desired(entry);
        if (liveHmac != null) {
            boolean same = wanted != null && secrets.find(wanted.secret())
                    .map(value -> value.reveal().equals(liveHmac.reveal())).orElse(false);
            node.put("hmac", same ? "secret " + wanted.secret() : wanted == null ? SET : OTHER_VALUE);
        }
        return node;
    }

    static DailyInventory.Dialin entry(DialinConfig config, SecretRef hmac) {
        return new DailyInventory.Dialin(typeName(config.type()), config.phoneNumber(), config.sipUri(),
                config.namePrefix(), config.roomCreationApi(), config.holdMusicUrl(), config.timeoutConfig(),
                config.ivrGreeting(), hmac);
    }

    static DailyInventory.LegacyPinless entry(LegacyPinlessEntry entry, SecretRef hmac) {
        return new DailyInventory.LegacyPinless(entry.phoneNumber(), entry.namePrefix(), entry.roomCreationApi(),
                entry.holdMusicUrl(), entry.timeoutConfig(), hmac);
    }

    static DailyInventory.LegacyPin entry(LegacyPinEntry entry) {
        return new DailyInventory.LegacyPin(entry.phoneNumber(), entry.namePrefix(), entry.ivrGreeting());
    }

    static DailyInventory.Hook entry(Webhook hook, SecretRef hmac) {
        return new DailyInventory.Hook(hook.url(), hook.eventTypes().stream().sorted().toList(), hook.retryType(), hmac);
    }

    static DialinConfigSpec spec(DailyInventory.Dialin wanted, SecretSource secrets) {
        return new DialinConfigSpec(type(wanted.type()), wanted.phoneNumber(), wanted.namePrefix(),
                wanted.hmac() == null ? null : secrets.require(wanted.hmac()), wanted.roomCreationApi(),
                wanted.holdMusicUrl(), wanted.timeoutConfig(), wanted.ivrGreeting());
    }

    /** The fields of {@code wanted} that differ from {@code live} (a Daily update cannot clear a field). */
    static DialinConfigPatch patch(DailyInventory.Dialin wanted, DialinConfig live, SecretSource secrets) {
        DialinConfigPatch patch = DialinConfigPatch.none();
        if (differs(wanted.phoneNumber(), live.phoneNumber())) {
            patch = patch.withPhoneNumber(wanted.phoneNumber());
        }
        if (differs(wanted.namePrefix(), live.namePrefix())) {
            patch = patch.withNamePrefix(wanted.namePrefix());
        }
        if (differs(wanted.roomCreationApi(), live.roomCreationApi())) {
            patch = patch.withRoomCreationApi(wanted.roomCreationApi());
        }
        if (differs(wanted.holdMusicUrl(), live.holdMusicUrl())) {
            patch = patch.withHoldMusicUrl(wanted.holdMusicUrl());
        }
        if (differs(wanted.timeoutConfig(), live.timeoutConfig())) {
            patch = patch.withTimeoutConfig(wanted.timeoutConfig());
        }
        if (differs(wanted.ivrGreeting(), live.ivrGreeting())) {
            patch = patch.withIvrGreeting(wanted.ivrGreeting());
        }
        if (wanted.hmac() != null) {
            Secret hmac = secrets.require(wanted.hmac());
            if (live.hmac() == null || !live.hmac().reveal().equals(hmac.reveal())) {
                patch = patch.withHmac(hmac);
            }
        }
        return patch;
    }

    static WebhookSpec spec(DailyInventory.Hook wanted, SecretSource secrets) {
        return new WebhookSpec(wanted.url(), wanted.eventTypes(),
                wanted.hmac() == null ? null : secrets.require(wanted.hmac()), wanted.retryType());
    }

    private static boolean differs(Object wanted, Object live) {
        return wanted != null && !Objects.equals(wanted, live);
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
