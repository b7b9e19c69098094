package dev.switchboard.daily.migration;

import dev.switchboard.daily.Domain;

import java.util.Objects;

/** A Daily domain as a plan names it: its name and id. */
public record DomainRef(String name, String id) {
    public DomainRef {
        Objects.requireNonNull(name, "name");
    }

    public static DomainRef of(Domain domain) {
        return new DomainRef(domain.name(), domain.id());
    }

    /** Whether {@code domain} is this one (by id when both have one, else by name). */
    public boolean matches(Domain domain) {
        if (id != null && domain.id() != null) {
            return id.equals(domain.id());
        }
        return name.equals(domain.name());
    }

    @Override
    public String toString() {
        return id == null ? name : name + " (" + id + ")";
    }
}
