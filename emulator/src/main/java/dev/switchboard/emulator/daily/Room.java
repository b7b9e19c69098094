package dev.switchboard.emulator.daily;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.Json;
import java.time.Instant;
import java.util.List;

/**
 * A room. {@code properties} are the room config as created; {@code sipEndpoints} the SIP addresses provisioned
 * for the {@code sip} property (written without a scheme, like Daily's {@code config.sip_uri.endpoint}).
 */
record Room(String id, String name, String privacy, Instant createdAt, ObjectNode properties,
            List<String> sipEndpoints) {

    boolean dialOutEnabled() {
        return properties.path("enable_dialout").asBoolean(false);
    }

    /** Whether {@code uri} ({@code sip:} scheme optional, case-insensitive host) is one of this room's endpoints. */
    boolean hasEndpoint(String uri) {
        String bare = Telephony.withoutSipScheme(uri);
        return sipEndpoints.stream().anyMatch(e -> e.equalsIgnoreCase(bare));
    }

    ObjectNode toJson(String domainName) {
        ObjectNode node = Json.object();
        node.put("id", id).put("name", name).put("api_created", true).put("privacy", privacy);
        node.put("url", "https://" + domainName + ".daily.co/" + name).put("created_at", DailyTime.format(createdAt));
        ObjectNode config = properties.deepCopy();
        if (!sipEndpoints.isEmpty()) {
            ObjectNode sipUri = config.putObject("sip_uri").put("endpoint", sipEndpoints.get(0));
            if (sipEndpoints.size() > 1) {
                sipEndpoints.subList(1, sipEndpoints.size()).forEach(sipUri.putArray("extra_endpoints")::add);
            }
        }
        node.set("config", config);
        return node;
    }
}
