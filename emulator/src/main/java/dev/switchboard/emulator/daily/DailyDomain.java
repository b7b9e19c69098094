package dev.switchboard.emulator.daily;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One Daily domain's state. Mutable; only touched while holding the provider's lock. */
final class DailyDomain {
    final String name;
    final String id;
    final List<String> apiKeys;
    ObjectNode settings;
    /** Legacy {@code config.pinless_dialin}; null until set. */
    ArrayNode pinless;
    /** Legacy {@code config.pin_dialin}; null until set. */
    ArrayNode pin;
    /** By id. Changed only through {@link DailyState}, which keeps its number index in step. */
    final Map<String, PhoneNumber> numbers = new LinkedHashMap<>();
    final List<VerifiedCallerId> callerIds = new ArrayList<>();
    /** By id. Changed only through {@link DailyState}, which keeps its phone-number index in step. */
    final Map<String, DialinConfig> configs = new LinkedHashMap<>();
    final List<Participant> participants = new ArrayList<>();
    /** By name. */
    final Map<String, Room> rooms = new LinkedHashMap<>();
    /** Live SIP/PSTN sessions by session id; each is also in {@link #participants}. */
    final Map<String, CallSession> sessions = new LinkedHashMap<>();
    /** Anchored call transfers whose far end is still up, by transfer id. */
    final Map<String, ActiveTransfer> transfers = new LinkedHashMap<>();
    /** Pinless calls waiting for a room, by call id. */
    final Map<String, HeldCall> heldCalls = new LinkedHashMap<>();
    /** Webhook subscriptions by uuid. */
    final Map<String, WebhookSubscription> webhooks = new LinkedHashMap<>();
    /** Next index for legacy {@code static-address--N} SIP URIs. */
    int nextStaticAddress;

    DailyDomain(String name, String id, List<String> apiKeys, ObjectNode settings) {
        this.name = name;
        this.id = id;
        this.apiKeys = List.copyOf(apiKeys);
        this.settings = settings;
    }

    /** The {@code GET /} body. */
    ObjectNode info() {
        ObjectNode node = Json.object();
        node.put("domain_name", name).put("domain_id", id);
        ObjectNode config = settings.deepCopy();
        if (pinless != null) {
            config.set("pinless_dialin", pinless.deepCopy());
        }
        if (pin != null) {
            config.set("pin_dialin", pin.deepCopy());
        }
        node.set("config", config);
        return node;
    }

    /** Daily's default domain configuration, as {@code GET /} shows it for a new domain. */
    static ObjectNode defaultSettings() {
        ObjectNode config = Json.object();
        config.put("hide_daily_branding", false).put("redirect_on_meeting_exit", "").put("hipaa", false);
        config.put("intercom_auto_record", false).put("lang", "en").put("meeting_join_hook", "");
        config.put("enable_prejoin_ui", true).put("enable_live_captions_ui", false).put("enable_network_ui", false);
        config.put("max_live_streams", 20).put("max_streaming_instances_per_room", 1);
        config.put("enable_daily_logger", true).put("disable_rate_limiting", false);
        config.put("attach_callobject_to_window", false);
        return config;
    }
}
