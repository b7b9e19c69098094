package dev.switchboard.cli.signalwire;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.CliException;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.cli.support.JournalMixin;
import dev.switchboard.cli.support.OutputMixin;
import dev.switchboard.cli.support.ProgressLine;
import dev.switchboard.core.journal.Journal;
import dev.switchboard.core.journal.JournalLockedException;
import dev.switchboard.core.plan.EntryOutcome;
import dev.switchboard.core.plan.Progress;
import dev.switchboard.core.plan.ProgressListener;
import dev.switchboard.signalwire.bulk.EntryResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/** What the journaled bulk commands share: where the journal lives, progress, the result table, the exit code. */
public final class BulkRuns {
    private BulkRuns() {
    }

    public static Journal open(Path path) {
        try {
            return Journal.open(path);
        } catch (JournalLockedException locked) {
            throw CliException.precondition("journal " + path + " is in use by another run; wait for it to finish");
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot open journal " + path + ": " + e.getMessage(), e));
        }
    }

    /**
     * Opens the journal; when it holds a finished earlier run that is not the one asked for ({@code finishedOtherRun}),
     * archives it first and opens a fresh one. An unfinished other run stays in place (the caller refuses it).
     */
    static Journal open(CliContext context, Path path, Predicate<Journal> finishedOtherRun) {
        Journal journal = open(path);
        if (!finishedOtherRun.test(journal)) {
            return journal;
        }
        close(journal);
        Path archived = JournalMixin.archive(path, context.clock());
        context.err().println("The journal " + path + " holds a finished earlier run; archived it as "
                + archived.getFileName());
        return open(path);
    }

    public static void close(Journal journal) {
        try {
            journal.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A progress line on stderr, advanced as entries finish. */
    static <E, R> ProgressListener<E, R> progress(ProgressLine line) {
        return new ProgressListener<>() {
            @Override
            public void finished(EntryOutcome<E, R> outcome, Progress progress) {
                line.update(progress.finished(), progress.failed());
            }
        };
    }

    /** Prints the results and a summary; returns the exit code they call for. */
    static int report(CliContext context, OutputMixin output, List<EntryResult> results, Path journal, String verb) {
        output.print(Rows.results(), results);
        long complete = results.stream().filter(r -> r.outcome().isComplete()).count();
        long failed = results.stream().filter(r -> r.outcome() == EntryResult.Outcome.FAILED).count();
        long open = results.size() - complete - failed;
        context.err().println(verb + ": " + complete + " of " + results.size() + " done"
                + (failed > 0 ? ", " + failed + " failed" : "") + (open > 0 ? ", " + open + " unfinished" : "")
                + " (journal " + journal + ")");
        if (open > 0) {
            context.err().println("Run the same command again to resume; nothing done is repeated.");
            context.err().flush();
            return ExitCode.INCOMPLETE;
        }
        context.err().flush();
        return failed > 0 ? ExitCode.FAILED : ExitCode.OK;
    }
}
