package dev.switchboard.daily.migration;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A reviewed, editable description of a migration: which numbers and configs move from {@code source}
 * to {@code target}. Plans read from a file written by Daily's original utility have no {@code format},
 * domains or fingerprints ({@link #originalFormat()}); apply then relies on live checks alone. Top-level
 * fields this version does not know are kept in {@code extra} and written back.
 */
public record TransferPlan(String format, Instant createdAt, DomainRef source, DomainRef target,
                           Map<String, PlanEntry> entries, ObjectNode extra) {
    /** The format tag of plans this version writes. */
    public static final String FORMAT = "switchboard-transfer-plan/1";

    public TransferPlan {
        Objects.requireNonNull(entries, "entries");
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        extra = extra == null ? JsonNodeFactory.instance.objectNode() : extra.deepCopy();
    }

    public TransferPlan(String format, Instant createdAt, DomainRef source, DomainRef target,
                        Map<String, PlanEntry> entries) {
        this(format, createdAt, source, target, entries, null);
    }

    @Override
    public ObjectNode extra() {
        return extra.deepCopy();
    }

    public static TransferPlan of(Instant createdAt, DomainRef source, DomainRef target, List<PlanEntry> entries) {
        Map<String, PlanEntry> byKey = new LinkedHashMap<>();
        for (PlanEntry entry : entries) {
            if (byKey.put(entry.key(), entry) != null) {
                throw new IllegalArgumentException("two plan entries for " + entry.key());
            }
        }
        return new TransferPlan(FORMAT, createdAt, source, target, byKey);
    }

    public boolean originalFormat() {
        return format == null;
    }

    public List<PlanEntry> entryList() {
        return List.copyOf(entries.values());
    }

    public PlanEntry entry(String key) {
        PlanEntry entry = entries.get(key);
        if (entry == null) {
            throw new IllegalArgumentException("the plan has no entry " + key);
        }
        return entry;
    }
}
