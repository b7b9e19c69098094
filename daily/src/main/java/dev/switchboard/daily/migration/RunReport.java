package dev.switchboard.daily.migration;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of an apply or rollback run: every entry's state in plan order (entries not reached, for
 * example after a stop, keep their journal state) and why the run stopped early, if it did.
 */
public record RunReport(List<EntryResult> results, Optional<String> stopReason) {
    public RunReport {
        results = List.copyOf(results);
    }

    public Map<EntryStatus, Integer> counts() {
        Map<EntryStatus, Integer> counts = new EnumMap<>(EntryStatus.class);
        results.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        return counts;
    }

    public int count(EntryStatus status) {
        return counts().getOrDefault(status, 0);
    }

    public boolean allIn(EntryStatus status) {
        return results.stream().allMatch(r -> r.status() == status);
    }

    /** Entries that can make progress if the same command runs again (stopped, unsettled, or mid-way). */
    public boolean resumable() {
        return stopReason.isPresent() || results.stream().anyMatch(r -> switch (r.status()) {
            case PENDING, IN_PROGRESS, UNRESOLVED, ROLLING_BACK -> true;
            default -> false;
        });
    }
}
