package dev.switchboard.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.journal.JournalRecord;
import dev.switchboard.core.journal.JournalView;
import dev.switchboard.core.journal.Phase;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the journal says about one entry, kept current by the engine as it appends: the DONE data of
 * earlier steps (an action reads the ids it needs from here) and the backups taken before destructive
 * steps. Used by one worker at a time.
 */
public final class EntryState {
    private final String key;
    private final Map<String, JournalRecord> last;

    private EntryState(String key, Map<String, JournalRecord> last) {
        this.key = key;
        this.last = new LinkedHashMap<>(last);
    }

    /** The entry's state as {@code view} has it (a view of the whole journal or of this entry). */
    public static EntryState of(JournalView view, String key) {
        return new EntryState(key, view.steps(key));
    }

    public String key() {
        return key;
    }

    /** The DONE data of {@code step}, if it is done. */
    public Optional<JsonNode> done(String step) {
        return last(step).filter(r -> r.phase() == Phase.DONE).map(JournalRecord::data);
    }

    public boolean isDone(String step) {
        return done(step).isPresent();
    }

    /** The backup journaled before {@code step} first began, if it declared one. */
    public Optional<JsonNode> backup(String step) {
        return done(step + Engine.BACKUP_SUFFIX);
    }

    /** The latest record of {@code step}. */
    public Optional<JournalRecord> last(String step) {
        return Optional.ofNullable(last.get(step));
    }

    /** Whether any of {@code steps} (or a rollback) has a record: the entry has begun changing things. */
    public boolean progressed(Collection<String> steps) {
        return last.containsKey(Engine.ROLLBACK) || steps.stream().anyMatch(last::containsKey);
    }

    void record(JournalRecord record) {
        last.put(record.step(), record);
    }
}
