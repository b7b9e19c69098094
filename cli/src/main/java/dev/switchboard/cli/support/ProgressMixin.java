package dev.switchboard.cli.support;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Progress for the long commands: hands out {@link ProgressLine}s that know the exact command line
 * which resumes the work, so a Ctrl-C can print it.
 */
public final class ProgressMixin {
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private final CliContext context;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--no-progress", description = "Print no progress line on stderr (an interruption is still reported).")
    boolean quiet;

    ProgressMixin(CliContext context) {
        this.context = context;
    }

    /** A progress line whose interrupt summary names this command line as the way to resume. */
    public ProgressLine line(String label, long total) {
        ProgressLine line = new ProgressLine(context, label, total, resumeCommand());
        return (quiet ? line.quiet() : line).watchForInterrupt();
    }

    /** Progress while paged lists are read (shown only when the reading takes more than a moment). */
    public PagingProgress paging(String label) {
        return PagingProgress.start(context, label, quiet);
    }

    /** {@code switchboard} and the arguments of this run, quoted for a POSIX shell where needed. */
    public String resumeCommand() {
        List<String> args = mixee == null || mixee.commandLine() == null || mixee.commandLine().getParseResult() == null
                ? List.of() : mixee.commandLine().getParseResult().originalArgs();
        StringBuilder line = new StringBuilder("switchboard");
        for (String arg : args) {
            line.append(' ').append(quoted(arg));
        }
        return line.toString();
    }

    static String quoted(String arg) {
        return SHELL_SAFE.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
