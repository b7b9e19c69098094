package dev.switchboard.daily.migration;

import dev.switchboard.core.http.Secret;
import dev.switchboard.daily.DailyClient;

import java.util.Objects;

/**
 * The two domains' clients and keys. Each key is needed by the other side too: a transfer carries the
 * receiving domain's key in its body (the target's forward, the source's on rollback).
 */
public record MigrationClients(DailyClient source, Secret sourceKey, DailyClient target, Secret targetKey) {
    public MigrationClients {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(targetKey, "targetKey");
    }

    @Override
    public String toString() {
        return "MigrationClients[" + source + " -> " + target + "]";
    }
}
