package dev.switchboard.daily;

import java.util.Objects;

/** The Daily domain an API key belongs to ({@code GET /}). */
public record Domain(String name, String id, DomainConfig config) {
    public Domain {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
    }
}
