package dev.switchboard.core.journal;

/** The journal cannot be used: it failed to reach the disk, it was closed, or (subclasses) it is corrupt or locked. */
public class JournalException extends RuntimeException {
    public JournalException(String message) {
        super(message);
    }

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
