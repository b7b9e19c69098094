package dev.switchboard.daily.migration;

import dev.switchboard.daily.DialinType;

import java.util.Optional;

/**
 * Where a planned config lives on the source domain; the wire names are those of the plan file's
 * {@code src_type} (the same as Daily's original transfer utility).
 */
public enum SourceKind {
    /** A modern {@code /domain-dialin-config} entry, deleted by id. */
    DOMAIN_DIALIN_CONFIG("domain-dialin-config"),
    /** An entry of the deprecated domain-level {@code config.pinless_dialin} array. */
    ROOT_PINLESS("root-pinless"),
    /** An entry of the deprecated domain-level {@code config.pin_dialin} array. */
    ROOT_PIN("root-pin");

    private final String wireName;

    SourceKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isLegacy() {
        return this != DOMAIN_DIALIN_CONFIG;
    }

    /** The legacy kind holding configs of {@code type}. */
    public static SourceKind legacyFor(DialinType type) {
        return type == DialinType.PIN_DIALIN ? ROOT_PIN : ROOT_PINLESS;
    }

    public static Optional<SourceKind> fromWire(String value) {
        for (SourceKind kind : values()) {
            if (kind.wireName.equals(value)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
