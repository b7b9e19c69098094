package dev.switchboard.daily.migration;

import java.util.Objects;

/**
 * A dial-in config as found on a domain, wherever it lives: a modern config ({@code configId} set) or a
 * legacy array entry ({@code configId} null).
 */
public record ObservedConfig(SourceKind kind, String configId, PlannedConfig config) {
    public ObservedConfig {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(config, "config");
    }

    public String phoneNumber() {
        return config.phoneNumber();
    }

    /** How a person recognises it: {@code modern config <id> for <number>} or {@code legacy pinless_dialin entry ...}. */
    public String describe() {
        return where() + (config.phoneNumber() != null ? " for " + config.phoneNumber()
                : " (SIP-only" + (config.sipUri() != null ? " " + config.sipUri() : "") + ")");
    }

    /** {@code modern config <id>} or {@code legacy pinless_dialin entry}, without the number. */
    public String where() {
        return kind == SourceKind.DOMAIN_DIALIN_CONFIG ? "modern config " + configId
                : "legacy " + config.type().wireName() + " entry";
    }
}
