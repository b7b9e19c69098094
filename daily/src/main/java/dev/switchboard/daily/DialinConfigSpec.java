package dev.switchboard.daily;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.http.Secret;

import java.util.Objects;
import java.util.List;

/**
 * What to create with {@code POST /domain-dialin-config}. Daily's rules ({@link DialinConfigRules}) are
 * checked up front: a PIN config needs a phone number and takes no pinless-only fields (hmac,
 * room_creation_api, hold_music_url); a pinless config may omit the number (SIP-only) and takes no
 * {@code ivr_greeting}; {@code timeoutConfig} and {@code ivrGreeting} are JSON objects such as
 * {@code {"message": "..."}}; hmacs are base64, URLs http(s), texts free of control characters.
 * Leave {@code hmac} null only for a brand-new config whose hmac Daily should generate.
 */
public record DialinConfigSpec(DialinType type, String phoneNumber, String namePrefix, Secret hmac,
                               String roomCreationApi, String holdMusicUrl, JsonNode timeoutConfig,
                               JsonNode ivrGreeting) {
    public DialinConfigSpec {
        Objects.requireNonNull(type, "type");
        List<DialinConfigRules.Violation> violations = DialinConfigRules.forConfig(type, new DialinConfigRules.Fields(
                phoneNumber, namePrefix, hmac == null ? null : hmac.reveal(), roomCreationApi, holdMusicUrl,
                timeoutConfig, ivrGreeting));
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("invalid dial-in config: " + violations.get(0));
        }
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

}
