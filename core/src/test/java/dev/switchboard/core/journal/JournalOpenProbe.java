package dev.switchboard.core.journal;

import java.nio.file.Path;

/** Child process for {@link JournalLockAcrossProcessesTest}: prints LOCKED or OPENED for the given journal. */
public final class JournalOpenProbe {
    private JournalOpenProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (Journal journal = Journal.open(Path.of(args[0]))) {
            System.out.println("OPENED " + journal.records().size());
        } catch (JournalLockedException e) {
            System.out.println("LOCKED");
        }
    }
}
