package dev.switchboard.cli.daily;

import dev.switchboard.cli.support.CommandGroup;
import picocli.CommandLine.Command;

import java.util.List;

/** {@code switchboard daily dialin}: {@code /domain-dialin-config} and a read-only view of the legacy arrays. */
@Command(name = "dialin",
        description = "Dial-in configs (/domain-dialin-config); 'legacy' shows the deprecated domain-level arrays.")
final class DialinCommand implements CommandGroup {
    @Override
    public List<Class<?>> subcommands() {
        return List.of(DialinListCommand.class,
                DialinGetCommand.class,
                DialinCreateCommand.class,
                DialinUpdateCommand.class,
                DialinDeleteCommand.class,
                DialinLegacyCommand.class);
    }
}
