package dev.switchboard.daily.migration;

import java.time.Instant;
import java.util.Objects;

/**
 * The state of one entry after a run (or as read from the journal).
 *
 * @param step             the step that failed or is unsettled (null when none)
 * @param message          what went wrong, or a note (null when all is well)
 * @param newPhoneId       the number's id on the target (after its transfer)
 * @param targetConfigId   the config created on the target
 * @param targetSipUri     the SIP URI Daily assigned to the target config
 * @param restoredPhoneId  the number's id on the source after a rollback
 * @param fromEarlierRun   true when the entry was already in this state before the run started
 */
public record EntryResult(PlanEntry entry, EntryStatus status, String step, String message, String newPhoneId,
                          String targetConfigId, String targetSipUri, String restoredPhoneId, boolean fromEarlierRun,
                          Instant at) {
    public EntryResult {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(status, "status");
    }

    public String key() {
        return entry.key();
    }

    EntryResult earlier() {
        return new EntryResult(entry, status, step, message, newPhoneId, targetConfigId, targetSipUri, restoredPhoneId,
                true, at);
    }
}
