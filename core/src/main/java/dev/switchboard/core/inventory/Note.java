package dev.switchboard.core.inventory;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;

/**
 * Something a plan reports besides its actions: a live resource the file does not manage ({@code drift}
 * ignores it), or a difference no action can make (it counts as drift).
 */
public record Note(Kind kind, String address, String message, List<FieldChange> changes) {
    public Note {
        changes = List.copyOf(changes);
    }

    public enum Kind {
        /** Live, not in the file: left alone. */
        UNMANAGED,
        /** The file differs from live, but there is no API to change it (or the run did not allow it). */
        UNCHANGEABLE
    }

    public static Note unmanaged(String address, String message) {
        return new Note(Kind.UNMANAGED, address, message, List.of());
    }

    public static Note unchangeable(String address, String message, List<FieldChange> changes) {
        return new Note(Kind.UNCHANGEABLE, address, message, changes);
    }

    @JsonIgnore
    public boolean isDrift() {
        return kind == Kind.UNCHANGEABLE;
    }
}
