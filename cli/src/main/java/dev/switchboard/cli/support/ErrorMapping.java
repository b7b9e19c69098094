package dev.switchboard.cli.support;

import java.io.UncheckedIOException;

/** Which exit code and which one-line message a failure gets. */
final class ErrorMapping {
    private ErrorMapping() {
    }

    static int exitCode(Throwable failure) {
        if (failure instanceof CliException cli) {
            return cli.exitCode();
        }
        if (failure instanceof InterruptedException) {
            return ExitCode.INTERRUPTED;
        }
        if (failure instanceof UncheckedIOException) {
            return ExitCode.FAILED;
        }
        if (failure instanceof IllegalArgumentException) {
            return ExitCode.INVALID_INPUT;
        }
        return ExitCode.INTERNAL;
    }

    static String message(Throwable failure) {
        if (failure instanceof UncheckedIOException io && io.getCause() != null) {
            return io.getCause().getMessage();
        }
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        return message;
    }
}
