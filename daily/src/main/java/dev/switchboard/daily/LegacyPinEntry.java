package dev.switchboard.daily;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One deprecated {@code config.pin_dialin[]} entry; {@code ivrGreeting} is Daily's {@code {message}}
 * object as JSON (null when absent) and {@code extra} keeps unknown fields.
 */
public record LegacyPinEntry(String phoneNumber, String namePrefix, JsonNode ivrGreeting, ObjectNode extra) {
    public LegacyPinEntry {
        ivrGreeting = ivrGreeting == null || ivrGreeting.isNull() ? null : ivrGreeting.deepCopy();
        extra = extra == null ? JsonNodeFactory.instance.objectNode() : extra.deepCopy();
    }

    @Override
    public JsonNode ivrGreeting() {
        return ivrGreeting == null ? null : ivrGreeting.deepCopy();
    }

    @Override
    public ObjectNode extra() {
        return extra.deepCopy();
    }
}
