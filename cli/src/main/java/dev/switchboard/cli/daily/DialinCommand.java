package dev.switchboard.cli.daily;

import picocli.CommandLine.Command;

/** {@code switchboard daily dialin}: {@code /domain-dialin-config} and a read-only view of the legacy arrays. */
@Command(name = "dialin",
        description = "Dial-in configs (/domain-dialin-config); 'legacy' shows the deprecated domain-level arrays.",
        subcommands = {DialinListCommand.class, DialinGetCommand.class, DialinCreateCommand.class,
                DialinUpdateCommand.class, DialinDeleteCommand.class, DialinLegacyCommand.class})
final class DialinCommand {
}
