package dev.switchboard.core.http;

/**
 * A paged listing ended with a different number of items than the provider's reported total, so the
 * result cannot be trusted to be complete (items were added or removed while paging, or the cursor
 * skipped entries). Callers should list again rather than act on a partial inventory.
 */
public final class IncompleteListException extends IllegalStateException {
    private final String path;
    private final long expected;
    private final long received;

    public IncompleteListException(String path, long expected, long received) {
        super("GET " + path + " listed " + received + " items but the provider reported total_count "
                + expected + "; the list may have changed while paging, list again");
        this.path = path;
        this.expected = expected;
        this.received = received;
    }

    public String path() {
        return path;
    }

    public long expected() {
        return expected;
    }

    public long received() {
        return received;
    }
}
