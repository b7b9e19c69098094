package dev.switchboard.core.journal;

/**
 * The journal file is damaged somewhere other than an incomplete last record, so it cannot be trusted
 * for a resume. The message names the file, the line and the byte offset.
 */
public final class JournalCorruptedException extends JournalException {
    private final long offset;

    public JournalCorruptedException(String message, long offset, Throwable cause) {
        super(message, cause);
        this.offset = offset;
    }

    /** Byte offset in the file where the damaged line starts. */
    public long offset() {
        return offset;
    }
}
