package dev.switchboard.daily;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.http.Secret;

import java.util.List;

/**
 * A partial update for {@code PUT /domain-dialin-config/:id}: only non-null fields are sent, the rest
 * stay as they are on Daily. There is no way to clear a field, so an update never drops an hmac. The
 * type of a config cannot change (delete and re-create instead). Each field given must meet
 * {@link DialinConfigRules}; the rules that depend on the type are checked by {@link #violationsFor}.
 */
public record DialinConfigPatch(String phoneNumber, String namePrefix, Secret hmac, String roomCreationApi,
                                String holdMusicUrl, JsonNode timeoutConfig, JsonNode ivrGreeting) {
    public DialinConfigPatch {
        List<DialinConfigRules.Violation> violations = DialinConfigRules.forFields(new DialinConfigRules.Fields(
                phoneNumber, namePrefix, hmac == null ? null : hmac.reveal(), roomCreationApi, holdMusicUrl,
                timeoutConfig, ivrGreeting));
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("invalid dial-in config: " + violations.get(0));
        }
        timeoutConfig = timeoutConfig == null ? null : timeoutConfig.deepCopy();
        ivrGreeting = ivrGreeting == null ? null : ivrGreeting.deepCopy();
    }

    /** The rules this patch breaks for a config of {@code type} (pinless-only or pin-only fields). */
    public List<DialinConfigRules.Violation> violationsFor(DialinType type) {
        return DialinConfigRules.forUpdate(type, new DialinConfigRules.Fields(phoneNumber, namePrefix,
                hmac == null ? null : hmac.reveal(), roomCreationApi, holdMusicUrl, timeoutConfig, ivrGreeting));
    }

    public static DialinConfigPatch none() {
        return new DialinConfigPatch(null, null, null, null, null, null, null);
    }

    public boolean isEmpty() {
        return phoneNumber == null && namePrefix == null && hmac == null && roomCreationApi == null
                && holdMusicUrl == null && timeoutConfig == null && ivrGreeting == null;
    }

    public DialinConfigPatch withPhoneNumber(String value) {
        return new DialinConfigPatch(value, namePrefix, hmac, roomCreationApi, holdMusicUrl, timeoutConfig, ivrGreeting);
    }

    public DialinConfigPatch withNamePrefix(String value) {
        return new DialinConfigPatch(phoneNumber, value, hmac, roomCreationApi, holdMusicUrl, timeoutConfig, ivrGreeting);
    }

    public DialinConfigPatch withHmac(Secret value) {
        return new DialinConfigPatch(phoneNumber, namePrefix, value, roomCreationApi, holdMusicUrl, timeoutConfig, ivrGreeting);
    }

    public DialinConfigPatch withRoomCreationApi(String value) {
        return new DialinConfigPatch(phoneNumber, namePrefix, hmac, value, holdMusicUrl, timeoutConfig, ivrGreeting);
    }

    public DialinConfigPatch withHoldMusicUrl(String value) {
        return new DialinConfigPatch(phoneNumber, namePrefix, hmac, roomCreationApi, value, timeoutConfig, ivrGreeting);
    }

    public DialinConfigPatch withTimeoutConfig(JsonNode value) {
        return new DialinConfigPatch(phoneNumber, namePrefix, hmac, roomCreationApi, holdMusicUrl, value, ivrGreeting);
    }

    public DialinConfigPatch withIvrGreeting(JsonNode value) {
        return new DialinConfigPatch(phoneNumber, namePrefix, hmac, roomCreationApi, holdMusicUrl, timeoutConfig, value);
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
