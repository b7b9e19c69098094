package dev.switchboard.daily.migration;

import dev.switchboard.daily.Domain;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What every entry of one run shares: both clients and keys, both domains, the legacy array editor, and
 * the source as the run's fresh read (the stale check's) observed it. Thread-safe.
 */
record MigrationSession(MigrationClients clients, Domain sourceDomain, Domain targetDomain, LegacyArrays legacy,
                        AtomicReference<DomainInventory> observedSource) {
    MigrationSession {
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(sourceDomain, "sourceDomain");
        Objects.requireNonNull(targetDomain, "targetDomain");
        Objects.requireNonNull(legacy, "legacy");
        Objects.requireNonNull(observedSource, "observedSource");
    }

    MigrationSession(MigrationClients clients, Domain sourceDomain, Domain targetDomain, LegacyArrays legacy) {
        this(clients, sourceDomain, targetDomain, legacy, new AtomicReference<>());
    }

    /** The source as this run last read it in full (empty before the stale check). */
    Optional<DomainInventory> sourceSeen() {
        return Optional.ofNullable(observedSource.get());
    }
}
