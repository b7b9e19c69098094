package dev.switchboard.daily.migration;

import dev.switchboard.daily.Domain;

import java.util.Objects;

/** What every entry of one run shares: both clients and keys, both domains, the legacy array editor. Thread-safe. */
record MigrationSession(MigrationClients clients, Domain sourceDomain, Domain targetDomain, LegacyArrays legacy) {
    MigrationSession {
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(sourceDomain, "sourceDomain");
        Objects.requireNonNull(targetDomain, "targetDomain");
        Objects.requireNonNull(legacy, "legacy");
    }
}
