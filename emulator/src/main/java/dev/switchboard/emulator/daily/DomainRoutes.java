package dev.switchboard.emulator.daily;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.ApiResponse;
import java.util.Map;
import java.util.Set;

/** {@code GET /} and {@code POST /}: domain info and domain properties, including the legacy dial-in arrays. */
final class DomainRoutes {
    private static final Set<String> BOOLEAN_PROPERTIES = Set.of("enable_advanced_chat", "enable_people_ui",
            "enable_cpu_warning_notifications", "enable_pip_ui", "enable_emoji_reactions", "enable_hand_raising",
            "enable_prejoin_ui", "enable_breakout_rooms", "enable_live_captions_ui", "enable_network_ui",
            "enable_noise_cancellation_ui", "enable_video_processing_ui", "hide_daily_branding", "hipaa",
            "intercom_auto_record", "enable_opus_fec");
    private static final Set<String> STRING_PROPERTIES = Set.of("redirect_on_meeting_exit", "lang",
            "meeting_join_hook", "enable_raw_tracks_transcoded_audio");
    /** Documented properties whose values are stored as given. */
    private static final Set<String> OTHER_PROPERTIES = Set.of("geo", "rtmp_geo", "disable_rtmp_geo_fallback",
            "enable_terse_logging", "enable_transcription_storage", "transcription_bucket", "recordings_template",
            "transcription_template", "enable_mesh_sfu", "sfu_switchover", "enable_adaptive_simulcast",
            "enable_multiparty_adaptive_simulcast", "enforce_unique_user_ids", "recordings_bucket", "permissions",
            "batch_processor_bucket");

    private DomainRoutes() {
    }

    static ApiResponse get(DailyCall call) {
        return ApiResponse.json(200, call.domain().info());
    }

    /**
     * Sets domain properties. All checks run before anything changes. {@code pinless_dialin} and
     * {@code pin_dialin} replace the stored arrays wholesale.
     */
    static ApiResponse update(DailyCall call) {
        ObjectNode body = call.body(Set.of("properties"));
        JsonNode properties = body.get("properties");
        if (properties == null || !properties.isObject()) {
            throw DailyErrors.invalid("properties must be an object");
        }
        DailyDomain domain = call.domain();
        ObjectNode settings = domain.settings.deepCopy();
        ArrayNode pinless = domain.pinless;
        ArrayNode pin = domain.pin;
        for (Map.Entry<String, JsonNode> entry : properties.properties()) {
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            if ("pinless_dialin".equals(name)) {
                pinless = LegacyDialin.pinless(value, domain, call.state(), true);
            } else if ("pin_dialin".equals(name)) {
                pin = LegacyDialin.pin(value, domain, call.state(), true);
            } else {
                checkProperty(name, value);
                settings.set(name, value);
            }
        }
        LegacyDialin.checkNoNumberInBoth(pinless, pin);
        domain.settings = settings;
        domain.pinless = pinless;
        domain.pin = pin;
        return ApiResponse.json(200, domain.info());
    }

    private static void checkProperty(String name, JsonNode value) {
        if (BOOLEAN_PROPERTIES.contains(name)) {
            if (!value.isBoolean()) {
                throw DailyErrors.invalid(name + " must be a boolean");
            }
        } else if (STRING_PROPERTIES.contains(name)) {
            if (!value.isTextual()) {
                throw DailyErrors.invalid(name + " must be a string");
            }
        } else if (!OTHER_PROPERTIES.contains(name)) {
            throw DailyErrors.invalid("unknown or read-only domain property: " + name);
        }
    }
}
