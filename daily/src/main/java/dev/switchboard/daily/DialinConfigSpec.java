package dev.switchboard.daily;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.http.Secret;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to create with {@code POST /domain-dialin-config}. Daily's rules are checked up front: a PIN
 * config needs a phone number and takes no pinless-only fields (hmac, room_creation_api,
 * hold_music_url); a pinless config may omit the number (SIP-only) and takes no {@code ivr_greeting};
 * {@code timeoutConfig} and {@code ivrGreeting} are JSON objects such as {@code {"message": "..."}}.
 * Leave {@code hmac} null only for a brand-new config whose hmac Daily should generate.
 */
public record DialinConfigSpec(DialinType type, String phoneNumber, String namePrefix, Secret hmac,
                               String roomCreationApi, String holdMusicUrl, JsonNode timeoutConfig,
                               JsonNode ivrGreeting) {
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");

    public DialinConfigSpec {
        Objects.requireNonNull(type, "type");
        if (phoneNumber != null && !E164.matcher(phoneNumber).matches()) {
            throw new IllegalArgumentException("a dial-in phone number must be E.164 such as +18058700061");
        }
        if (type == DialinType.PIN_DIALIN) {
            require(phoneNumber != null, "a pin_dialin config needs a phone number");
            require(hmac == null && roomCreationApi == null && holdMusicUrl == null,
                    "hmac, room_creation_api and hold_music_url apply to pinless_dialin only");
        } else {
            require(ivrGreeting == null, "ivr_greeting applies to pin_dialin only");
        }
        require(timeoutConfig == null || timeoutConfig.isObject(), "timeout_config must be a JSON object");
        require(ivrGreeting == null || ivrGreeting.isObject(), "ivr_greeting must be a JSON object");
        timeoutConfig = timeoutConfig == null ? null : timeoutConfig.deepCopy();
        ivrGreeting = ivrGreeting == null ? null : ivrGreeting.deepCopy();
    }

    /** A pinless config; {@code phoneNumber} null makes it SIP-only. */
    public static DialinConfigSpec pinless(String phoneNumber, String roomCreationApi, Secret hmac) {
        return new DialinConfigSpec(DialinType.PINLESS_DIALIN, phoneNumber, null, hmac, roomCreationApi, null, null, null);
    }

    public static DialinConfigSpec pin(String phoneNumber) {
        return new DialinConfigSpec(DialinType.PIN_DIALIN, phoneNumber, null, null, null, null, null, null);
    }

    public DialinConfigSpec withNamePrefix(String value) {
        return new DialinConfigSpec(type, phoneNumber, value, hmac, roomCreationApi, holdMusicUrl, timeoutConfig, ivrGreeting);
    }

    public DialinConfigSpec withHoldMusicUrl(String value) {
        return new DialinConfigSpec(type, phoneNumber, namePrefix, hmac, roomCreationApi, value, timeoutConfig, ivrGreeting);
    }

    public DialinConfigSpec withTimeoutConfig(JsonNode value) {
        return new DialinConfigSpec(type, phoneNumber, namePrefix, hmac, roomCreationApi, holdMusicUrl, value, ivrGreeting);
    }

    public DialinConfigSpec withIvrGreeting(JsonNode value) {
        return new DialinConfigSpec(type, phoneNumber, namePrefix, hmac, roomCreationApi, holdMusicUrl, timeoutConfig, value);
    }

    @Override
    public JsonNode timeoutConfig() {
        return timeoutConfig == null ? null : timeoutConfig.deepCopy();
    }

    @Override
    public JsonNode ivrGreeting() {
        return ivrGreeting == null ? null : ivrGreeting.deepCopy();
    }

    private static void require(boolean rule, String text) {
        if (!rule) {
            throw new IllegalArgumentException("invalid dial-in config: " + text);
        }
    }
}
