package dev.switchboard.signalwire.bulk;

import java.util.Map;

/** One number to update: its id and number, and only the real fields that differ from the wanted values. */
public record PlannedUpdate(String numberId, String number, Map<String, String> changes) {
    public PlannedUpdate {
        changes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(changes));
    }
}
