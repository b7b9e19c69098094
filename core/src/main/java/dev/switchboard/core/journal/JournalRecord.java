package dev.switchboard.core.journal;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the {@link Journal}: step {@code step} of entry {@code entry} reached {@code phase} at
 * {@code ts}. {@code seq} numbers the records 1, 2, 3... in file order. {@code data} is step-specific
 * JSON (ids, request bodies); it may hold secrets, so {@link #toString()} leaves it out.
 *
 * <p>{@code data} is a private copy; do not modify the node returned by {@link #data()}.
 */
public record JournalRecord(long seq, Instant ts, String entry, String step, Phase phase, JsonNode data) {
    public JournalRecord {
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be positive, got " + seq);
        }
        Objects.requireNonNull(ts, "ts");
        requireName(entry, "entry");
        requireName(step, "step");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(data, "data (use an empty object node for none)");
    }

    static void requireName(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }

    @Override
    public String toString() {
        return "JournalRecord[seq=" + seq + ", ts=" + ts + ", entry=" + entry + ", step=" + step
                + ", phase=" + phase + ", data=(" + data.size() + " fields, hidden)]";
    }
}
