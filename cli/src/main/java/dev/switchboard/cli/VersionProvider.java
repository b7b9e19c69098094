package dev.switchboard.cli;

import picocli.CommandLine;

/** Reports the version from the jar manifest (or "dev" when run from classes). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = SwitchboardCommand.class.getPackage().getImplementationVersion();
        return new String[] {"switchboard " + (version == null ? "dev" : version)};
    }
}
