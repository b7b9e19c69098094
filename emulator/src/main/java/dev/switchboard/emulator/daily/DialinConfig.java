package dev.switchboard.emulator.daily;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.Json;
import java.time.Instant;

/**
 * A {@code /domain-dialin-config} entry. {@code config} holds the config fields including the server-assigned
 * {@code sip_uri} (null for pin); it is never mutated once the record exists.
 *
 * @param seq global creation order; newest first means highest seq first
 */
record DialinConfig(String id, String type, long seq, Instant createdAt, ObjectNode config) {
    static final String PINLESS = "pinless_dialin";
    static final String PIN = "pin_dialin";

    DialinConfig {
        config = config.deepCopy();
    }

    String phoneNumber() {
        return Json.text(config, "phone_number");
    }

    String sipUri() {
        return Json.text(config, "sip_uri");
    }

    ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("id", id).put("type", type);
        node.set("config", config.deepCopy());
        return node;
    }
}
