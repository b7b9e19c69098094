package dev.switchboard.daily;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Daily room. {@code sipEndpoints} are the SIP addresses Daily provisioned for it ({@code config.sip_uri},
 * primary first; empty when the room has no {@code sip} property), without a {@code sip:} scheme as Daily
 * writes them; {@code config} is the whole room config as JSON.
 */
public record Room(String id, String name, String url, String privacy, Instant createdAt, boolean dialOutEnabled,
                   List<String> sipEndpoints, ObjectNode config) {
    public Room {
        Objects.requireNonNull(name, "name");
        sipEndpoints = List.copyOf(sipEndpoints);
        config = config == null ? JsonNodeFactory.instance.objectNode() : config.deepCopy();
    }

    @Override
    public ObjectNode config() {
        return config.deepCopy();
    }

    /** The primary endpoint as a {@code sip:} URI, the form {@code sipCallTransfer} takes as target. */
    public Optional<String> sipUri() {
        return sipEndpoints.isEmpty() ? Optional.empty() : Optional.of(CallEndpoint.withSipScheme(sipEndpoints.get(0)));
    }
}
