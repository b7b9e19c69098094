package dev.switchboard.daily;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.http.Secret;

import java.time.Instant;
import java.util.Objects;

/**
 * A dial-in config from {@code /domain-dialin-config}. {@code phoneNumber} is null for a SIP-only
 * pinless config; {@code sipUri} is assigned by Daily (null for PIN configs); {@code timeoutConfig} and
 * {@code ivrGreeting} are Daily's {@code {message}} objects as JSON (null when absent); {@code createdAt}
 * is null when Daily does not send it; {@code extra} keeps config fields this client does not know.
 */
public record DialinConfig(String id, DialinType type, String phoneNumber, String sipUri, Secret hmac,
                           String roomCreationApi, String namePrefix, String holdMusicUrl, JsonNode timeoutConfig,
                           JsonNode ivrGreeting, Instant createdAt, ObjectNode extra) {
    public DialinConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        timeoutConfig = copy(timeoutConfig);
        ivrGreeting = copy(ivrGreeting);
        extra = extra == null ? JsonNodeFactory.instance.objectNode() : extra.deepCopy();
    }

    @Override
    public JsonNode timeoutConfig() {
        return copy(timeoutConfig);
    }

    @Override
    public JsonNode ivrGreeting() {
        return copy(ivrGreeting);
    }

    @Override
    public ObjectNode extra() {
        return extra.deepCopy();
    }

    /**
     * The spec that re-creates this config elsewhere (e.g. on a migration target) with the same hmac,
     * so existing webhook receivers keep verifying. The {@code sipUri} is not carried: Daily assigns a
     * new one. Unknown {@code extra} fields are not carried either.
     */
    public DialinConfigSpec toSpec() {
        return new DialinConfigSpec(type, phoneNumber, namePrefix, hmac, roomCreationApi, holdMusicUrl,
                timeoutConfig, ivrGreeting);
    }

    private static JsonNode copy(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.deepCopy();
    }
}
