package dev.switchboard.core.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An input file (a plan, a journal) that cannot be used as it is: missing, not a regular file, too large,
 * unreadable, too deeply nested. The message is one line naming the file and the problem, never its content.
 */
public final class InputFileException extends IOException {
    private final transient Path file;

    public InputFileException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
