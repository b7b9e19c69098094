package dev.switchboard.core.journal;

/** Another process (or another {@link Journal} in this one) has the journal open. */
public final class JournalLockedException extends JournalException {
    public JournalLockedException(String message) {
        super(message);
    }
}
