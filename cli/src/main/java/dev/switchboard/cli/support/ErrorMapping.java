package dev.switchboard.cli.support;

import dev.switchboard.core.config.InvalidDotEnvException;
import dev.switchboard.core.config.MissingSettingException;
import dev.switchboard.core.http.ApiException;
import dev.switchboard.core.http.AuthenticationException;
import dev.switchboard.core.http.UnknownOutcomeException;
import dev.switchboard.core.io.InputFileException;
import dev.switchboard.core.journal.JournalCorruptedException;
import dev.switchboard.core.journal.JournalLockedException;

import java.io.UncheckedIOException;

/** Which exit code and which one-line message a failure gets. */
final class ErrorMapping {
    private ErrorMapping() {
    }

    static int exitCode(Throwable failure) {
        if (failure instanceof CliException cli) {
            return cli.exitCode();
        }
        if (failure instanceof AuthenticationException || failure instanceof MissingSettingException) {
            return ExitCode.CREDENTIALS;
        }
        if (failure instanceof JournalLockedException) {
            return ExitCode.PRECONDITION;
        }
        if (failure instanceof InputFileException || failure instanceof JournalCorruptedException
                || failure instanceof InvalidDotEnvException) {
            return ExitCode.INVALID_INPUT;
        }
        if (failure instanceof UnknownOutcomeException) {
            return ExitCode.INCOMPLETE;
        }
        if (failure instanceof ApiException) {
            return ExitCode.FAILED;
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

    static String message(Throwable failure, java.util.function.Function<String, java.util.Optional<String>> keyNames) {
        if (failure instanceof UncheckedIOException io && io.getCause() != null) {
            return io.getCause().getMessage();
        }
        if (failure instanceof AuthenticationException auth) {
            return "the provider rejected " + keyNames.apply(auth.keyFingerprint()).orElse("the API key") + " ("
                    + auth.getMessage() + ")";
        }
        if (failure instanceof InvalidDotEnvException dotEnv) {
            return "cannot read settings: " + dotEnv.getMessage();
        }
        if (failure instanceof UnknownOutcomeException unknown) {
            return "the outcome is unknown (" + unknown.getMessage()
                    + "); read the current state before trying again";
        }
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        return message;
    }
}
