package dev.switchboard.core.journal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The latest record of every (entry, step) pair in a journal: what resume needs to decide, per entry,
 * which steps are done (skip), which are ambiguous (reconcile by reading state before anything else),
 * and which failed or never started (run).
 *
 * <p>Entries and steps keep the order in which they first appear in the journal. Immutable.
 */
public final class JournalView {
    private final Map<String, Map<String, JournalRecord>> latest;

    private JournalView(Map<String, Map<String, JournalRecord>> latest) {
        this.latest = latest;
    }

    /** Builds the view of {@code records}, which must be in journal order. */
    public static JournalView of(List<JournalRecord> records) {
        Map<String, Map<String, JournalRecord>> latest = new LinkedHashMap<>();
        for (JournalRecord record : records) {
            latest.computeIfAbsent(record.entry(), e -> new LinkedHashMap<>()).put(record.step(), record);
        }
        Map<String, Map<String, JournalRecord>> frozen = new LinkedHashMap<>();
        latest.forEach((entry, steps) -> frozen.put(entry, Collections.unmodifiableMap(steps)));
        return new JournalView(Collections.unmodifiableMap(frozen));
    }

    /** A view of already-summarised records (entry → step → latest record); the maps are copied. */
    static JournalView ofLatest(Map<String, Map<String, JournalRecord>> latest) {
        Map<String, Map<String, JournalRecord>> frozen = new LinkedHashMap<>();
        latest.forEach((entry, steps) -> frozen.put(entry, Collections.unmodifiableMap(new LinkedHashMap<>(steps))));
        return new JournalView(Collections.unmodifiableMap(frozen));
    }

    /** Every entry that has at least one record. */
    public Set<String> entries() {
        return latest.keySet();
    }

    /** The last record of each step of {@code entry} (empty map if the entry has none). */
    public Map<String, JournalRecord> steps(String entry) {
        return latest.getOrDefault(entry, Map.of());
    }

    /** The last record of {@code step} of {@code entry}, e.g. to read the ids a DONE record stored. */
    public Optional<JournalRecord> last(String entry, String step) {
        return Optional.ofNullable(steps(entry).get(step));
    }

    /** The last phase of {@code step} of {@code entry}; empty if the step never began. */
    public Optional<Phase> phase(String entry, String step) {
        return last(entry, step).map(JournalRecord::phase);
    }

    public boolean isDone(String entry, String step) {
        return phase(entry, step).filter(phase -> phase == Phase.DONE).isPresent();
    }

    /** Steps of {@code entry} whose last phase is DONE. */
    public Set<String> doneSteps(String entry) {
        return stepsWhere(entry, Phase.DONE::equals);
    }

    /** Steps of {@code entry} that began but have no known outcome (last phase BEGIN or UNKNOWN). */
    public Set<String> ambiguousSteps(String entry) {
        return stepsWhere(entry, Phase::isAmbiguous);
    }

    /** Steps of {@code entry} whose last phase is FAILED. */
    public Set<String> failedSteps(String entry) {
        return stepsWhere(entry, Phase.FAILED::equals);
    }

    /** Entries with at least one ambiguous step: these must be reconciled before anything is retried. */
    public Set<String> entriesWithAmbiguousSteps() {
        Set<String> result = new LinkedHashSet<>();
        for (String entry : latest.keySet()) {
            if (!ambiguousSteps(entry).isEmpty()) {
                result.add(entry);
            }
        }
        return Collections.unmodifiableSet(result);
    }

    private Set<String> stepsWhere(String entry, Predicate<Phase> test) {
        Set<String> result = new LinkedHashSet<>();
        steps(entry).forEach((step, record) -> {
            if (test.test(record.phase())) {
                result.add(step);
            }
        });
        return Collections.unmodifiableSet(result);
    }
}
