package dev.switchboard.daily.migration;

/** Where one plan entry stands, as the journal (and the last run) tell it. */
public enum EntryStatus {
    /** Nothing journaled yet. */
    PENDING("pending"),
    /** Some steps are done and none failed: the run stopped in between; apply resumes it. */
    IN_PROGRESS("in-progress"),
    /** Every step is done: the number and its config are on the target. */
    MIGRATED("migrated"),
    /** A step failed before anything changed (the number is still on the source); apply tries again. */
    FAILED("failed"),
    /** A step failed after the number moved, and the entry was left as it is ({@code --on-failure leave}); apply resumes it. */
    LEFT("left"),
    /** A step's outcome could not be settled by reading both domains; apply reads again, or a person looks. */
    UNRESOLVED("unresolved"),
    /** A rollback began and has not finished; apply or rollback continues it. */
    ROLLING_BACK("rolling-back"),
    /** The entry was rolled back: the number and its config are on the source again. */
    ROLLED_BACK("rolled-back"),
    /** A rollback step failed; the failure file holds the full config; apply or rollback continues it. */
    ROLLBACK_FAILED("rollback-failed");

    private final String wireName;

    EntryStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The value used in JSON output and files. */
    public String wireName() {
        return wireName;
    }

    /** Whether the entry is finished for good in this plan (migrated or rolled back). */
    public boolean isFinal() {
        return this == MIGRATED || this == ROLLED_BACK;
    }
}
