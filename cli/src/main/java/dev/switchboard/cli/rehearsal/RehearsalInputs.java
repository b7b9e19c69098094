package dev.switchboard.cli.rehearsal;

import dev.switchboard.cli.support.CliContext;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An option group that names files a command reads or keeps (a plan, a journal). A rehearsal runs in a temporary
 * working directory: it copies each existing file there, so the rehearsal resumes what the real run would resume,
 * and drops the options, so the rehearsal never writes the real files.
 */
public interface RehearsalInputs {
    /** Each real file (it may not exist) with where it goes, relative to the rehearsal's working directory. */
    Map<Path, Path> rehearsalCopies(CliContext context);

    /** The options (each taking one value) that name those files, left out of the rehearsal's command line. */
    List<String> rehearsalDroppedOptions();
}
