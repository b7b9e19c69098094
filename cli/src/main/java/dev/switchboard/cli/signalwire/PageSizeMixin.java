package dev.switchboard.cli.signalwire;

import picocli.CommandLine.Option;

/** {@code --page-size}, on the commands that read lists page by page (every page is always read). */
public final class PageSizeMixin {
    public static final int DEFAULT = 100;

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "" + DEFAULT,
            description = "Items per page when listing (1-1000, default: ${DEFAULT-VALUE}); every page is read.")
    int pageSize;

    int size() {
        return pageSize;
    }
}
