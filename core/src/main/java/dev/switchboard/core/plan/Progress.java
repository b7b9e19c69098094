package dev.switchboard.core.plan;

/**
 * Counts of an {@link EntryScheduler} run at one moment, for a progress line such as
 * {@code "12/40 done, 3 running, 1 failed"}.
 *
 * @param total     entries in the run
 * @param started   entries whose work has begun (finished ones included)
 * @param succeeded entries whose work returned
 * @param failed    entries whose work threw
 */
public record Progress(int total, int started, int succeeded, int failed) {
    public Progress {
        if (total < 0 || started < 0 || succeeded < 0 || failed < 0
                || started > total || succeeded + failed > started) {
            throw new IllegalArgumentException("inconsistent progress counts: total=" + total + " started=" + started
                    + " succeeded=" + succeeded + " failed=" + failed);
        }
    }

    /** Entries that succeeded or failed. */
    public int finished() {
        return succeeded + failed;
    }

    /** Entries started and not yet finished. */
    public int running() {
        return started - finished();
    }

    /** Entries not started yet (or never, after a stop). */
    public int waiting() {
        return total - started;
    }
}
