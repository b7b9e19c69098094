package dev.switchboard.cli.support;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code --journal FILE} of the journaled bulk commands, and the one rule for where journals live by default:
 * {@code .switchboard/<command path>.journal} in the working directory (for example
 * {@code .switchboard/daily-numbers-buy.journal}). A transfer's journal is the exception: it sits beside its plan.
 */
public final class JournalMixin implements dev.switchboard.cli.rehearsal.RehearsalInputs {
    public static final String DIRECTORY = ".switchboard";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--journal", paramLabel = "FILE",
            description = "The journal (default: .switchboard/COMMAND.journal, e.g. .switchboard/daily-numbers-buy"
                    + ".journal). A finished journal is archived when a different run starts; an unfinished one "
                    + "is resumed by running the same command again.")
    Path journal;

    /** The journal this command uses: {@code --journal}, or the default for the command's path. */
    public Path path(CliContext context) {
        if (journal != null) {
            return context.workDir().resolve(journal).normalize();
        }
        return defaultPath(context, command.qualifiedName("-"));
    }

    /** A rehearsal resumes a copy of this journal, kept at the default place of its own directory. */
    @Override
    public java.util.Map<Path, Path> rehearsalCopies(CliContext context) {
        Path copy = context.workDir().relativize(defaultPath(context, command.qualifiedName("-")));
        return java.util.Map.of(path(context), copy);
    }

    @Override
    public java.util.List<String> rehearsalDroppedOptions() {
        return java.util.List.of("--journal");
    }

    /** {@code .switchboard/daily-numbers-buy.journal} for {@code switchboard daily numbers buy}. */
    static Path defaultPath(CliContext context, String qualifiedName) {
        String name = qualifiedName.replaceFirst("^switchboard-", "");
        return context.workDir().resolve(DIRECTORY).resolve(name + ".journal");
    }

    /**
     * Moves a finished journal aside (to {@code FILE.<UTC time>.done}) so a new run starts with an empty one;
     * returns where it went. The journal must be closed.
     */
    public static Path archive(Path journal, Clock clock) {
        Path archived = journal.resolveSibling(journal.getFileName() + "." + STAMP.format(clock.instant()) + ".done");
        try {
            return Files.move(journal, archived);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive the finished journal " + journal + ": " + e.getMessage(), e);
        }
    }
}
