package dev.switchboard.daily.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.switchboard.core.inventory.SecretRef;

import java.util.List;

/**
 * The {@code daily:} section of an inventory file: what one Daily domain should hold. A section left out
 * (null) is not managed; in a section that is there, a live resource the file leaves out is deleted, except
 * numbers, which are only ever released when marked {@code release: true} (and the run allows it). A field
 * left out of an entry is not managed either: it keeps its live value.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DailyInventory(List<Number> numbers, List<Dialin> dialinConfigs, Legacy legacyDialin,
                             List<CallerId> verifiedCallerIds, List<Hook> webhooks) {

    /** A purchased number; {@code name} is informational (Daily offers no rename). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Number(String number, String name, Boolean release) {
        public boolean releaseRequested() {
            return Boolean.TRUE.equals(release);
        }
    }

    /**
     * A dial-in config ({@code type} {@code pinless} or {@code pin}); {@code phoneNumber} null for a SIP-only
     * pinless config, which is matched by its {@code sipUri} (assigned by Daily, read-only) or else by
     * {@code namePrefix}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Dialin(String type, String phoneNumber, String sipUri, String namePrefix, String roomCreationApi,
                         String holdMusicUrl, JsonNode timeoutConfig, JsonNode ivrGreeting, SecretRef hmac) {
    }

    /** The deprecated arrays in the domain's config, replaced as a whole when they differ. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Legacy(List<LegacyPinless> pinless, List<LegacyPin> pin) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LegacyPinless(String phoneNumber, String namePrefix, String roomCreationApi, String holdMusicUrl,
                                JsonNode timeoutConfig, SecretRef hmac) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LegacyPin(String phoneNumber, String namePrefix, JsonNode ivrGreeting) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CallerId(String number, String name) {
    }

    /** A webhook subscription, matched by {@code url}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Hook(String url, List<String> eventTypes, String retryType, SecretRef hmac) {
    }
}
