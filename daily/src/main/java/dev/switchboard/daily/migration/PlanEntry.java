package dev.switchboard.daily.migration;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a transfer plan, keyed by {@code key}: the phone number (E.164) for a purchased number,
 * or the source {@code sip_uri} for a SIP-only config.
 *
 * @param sourcePhoneId    the number's id on the source (null for SIP-only)
 * @param srcType          where the config lives on the source (null when the number has no config)
 * @param configId         the modern config's id (null for legacy entries and no config)
 * @param config           the config to move (null when the number has none)
 * @param legacyDuplicates legacy array entries for the same number that a modern config overrides; they
 *                         are removed from the source with it and restored on rollback
 * @param fingerprint      a digest of the source state observed when planning (null in plans written by
 *                         Daily's original utility)
 * @param extra            fields of the entry this version does not know (kept in the plan file, never used)
 */
public record PlanEntry(String key, String sourcePhoneId, SourceKind srcType, String configId, PlannedConfig config,
                        List<PlannedConfig> legacyDuplicates, String fingerprint, ObjectNode extra) {
    public PlanEntry {
        Objects.requireNonNull(key, "key");
        legacyDuplicates = legacyDuplicates == null ? List.of() : List.copyOf(legacyDuplicates);
        extra = extra == null ? JsonNodeFactory.instance.objectNode() : extra.deepCopy();
        if ((srcType == null) != (config == null)) {
            throw new IllegalArgumentException("an entry has a src_type exactly when it has a config");
        }
        if (sourcePhoneId == null && config == null) {
            throw new IllegalArgumentException("an entry needs a number or a config");
        }
    }

    public PlanEntry(String key, String sourcePhoneId, SourceKind srcType, String configId, PlannedConfig config,
                     List<PlannedConfig> legacyDuplicates, String fingerprint) {
        this(key, sourcePhoneId, srcType, configId, config, legacyDuplicates, fingerprint, null);
    }

    @Override
    public ObjectNode extra() {
        return extra.deepCopy();
    }

    /** A config with no phone number (a SIP interconnect), moved by creating a copy on the target. */
    public boolean isSipOnly() {
        return sourcePhoneId == null;
    }

    /** The E.164 number this entry moves, or null for SIP-only. */
    public String number() {
        return isSipOnly() ? null : key;
    }

    public boolean hasConfig() {
        return config != null;
    }

    /** Whether any legacy array entry (the config itself or an overridden duplicate) is removed from the source. */
    public boolean touchesLegacyArrays() {
        return (srcType != null && srcType.isLegacy()) || !legacyDuplicates.isEmpty();
    }

    public PlanEntry withLegacyDuplicates(List<PlannedConfig> value) {
        return new PlanEntry(key, sourcePhoneId, srcType, configId, config, value, fingerprint);
    }

    public PlanEntry withConfig(PlannedConfig value) {
        return new PlanEntry(key, sourcePhoneId, srcType, configId, value, legacyDuplicates, fingerprint, extra);
    }
}
