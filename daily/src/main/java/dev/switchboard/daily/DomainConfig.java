package dev.switchboard.daily;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A domain's {@code config}: the deprecated domain-level dial-in arrays as records, and every other
 * field kept as JSON in {@link #otherFields()}. An absent array is an empty list.
 */
public record DomainConfig(List<LegacyPinlessEntry> pinlessDialin, List<LegacyPinEntry> pinDialin,
                           ObjectNode otherFields) {
    public DomainConfig {
        pinlessDialin = List.copyOf(pinlessDialin);
        pinDialin = List.copyOf(pinDialin);
        otherFields = otherFields == null ? JsonNodeFactory.instance.objectNode() : otherFields.deepCopy();
    }

    /** A copy of the config fields other than the two dial-in arrays. */
    @Override
    public ObjectNode otherFields() {
        return otherFields.deepCopy();
    }
}
