package dev.switchboard.cli.support;

import picocli.CommandLine.Option;

/** {@code --yes}: answer yes to every confirmation prompt (for scripts and CI). */
public final class ConfirmMixin {
    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation; assume yes.")
    boolean yes;

    public boolean yes() {
        return yes;
    }
}
