package dev.switchboard.cli.support;

import java.util.List;

/**
 * A command that only groups others ({@code switchboard daily}, {@code daily numbers}, ...). Groups list their
 * commands here rather than in {@code @Command(subcommands)}: picocli builds every annotated subcommand of a
 * command it builds, reflecting over all their options, while the CLI's command line factory builds only the
 * branch a command line names and a placeholder (name and description, for help) for each of the others.
 */
public interface CommandGroup {
    /** The commands of this group, in help order. */
    List<Class<?>> subcommands();
}
