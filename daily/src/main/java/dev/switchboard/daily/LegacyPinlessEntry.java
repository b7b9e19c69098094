package dev.switchboard.daily;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.http.Secret;

/**
 * One deprecated {@code config.pinless_dialin[]} entry. {@code phoneNumber} is null for a SIP-only
 * entry; {@code sipUri} is assigned by Daily and never sent back; {@code timeoutConfig} is Daily's
 * {@code {message}} object as JSON (null when absent); {@code extra} keeps fields this client does not
 * know, so a wholesale replace does not lose them.
 */
public record LegacyPinlessEntry(String phoneNumber, String sipUri, Secret hmac, String roomCreationApi,
                                 String namePrefix, String holdMusicUrl, JsonNode timeoutConfig, ObjectNode extra) {
    public LegacyPinlessEntry {
        timeoutConfig = timeoutConfig == null || timeoutConfig.isNull() ? null : timeoutConfig.deepCopy();
        extra = extra == null ? JsonNodeFactory.instance.objectNode() : extra.deepCopy();
    }

    @Override
    public JsonNode timeoutConfig() {
        return timeoutConfig == null ? null : timeoutConfig.deepCopy();
    }

    @Override
    public ObjectNode extra() {
        return extra.deepCopy();
    }
}
