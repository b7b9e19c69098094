package dev.switchboard.cli.support;

import dev.switchboard.core.config.InvalidDotEnvException;
import dev.switchboard.core.io.InputFileException;
import dev.switchboard.core.journal.JournalCorruptedException;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorReporterTest {
    private final StringWriter text = new StringWriter();

    private int report(Throwable failure, String hint) {
        return new ErrorReporter(new PrintWriter(text), false, hint, fingerprint -> Optional.empty()).report(failure);
    }

    @Test
    void aBugNamesTheWayToGetTheStackTraceThatTheCommandAccepts() {
        assertThat(report(new NullPointerException("boom"), "SWITCHBOARD_DEBUG=1")).isEqualTo(ExitCode.INTERNAL);
        assertThat(text.toString()).isEqualTo("switchboard: boom\nswitchboard: this is a bug; rerun with "
                + "SWITCHBOARD_DEBUG=1 for the stack trace and report it\n");
    }

    @Test
    void inputFileProblemsAreInvalidInputNotBugs() {
        assertThat(report(new InputFileException(Path.of("p.json"), "plan p.json is a directory, not a file", null),
                "--debug")).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(report(new JournalCorruptedException("j line 2 (byte 9) is damaged", 9, null), "--debug"))
                .isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(report(new InvalidDotEnvException(".env", 2, "unterminated double quote"), "--debug"))
                .isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(text.toString()).doesNotContain("bug").contains("switchboard: cannot read settings: .env line 2: "
                + "unterminated double quote");
    }

    @Test
    void detailsFollowTheOneLineMessage() {
        report(new CliException(ExitCode.INVALID_INPUT, "plan is invalid (3 problems):", null, List.of("a", "b")), "--debug");
        assertThat(text.toString()).isEqualTo("switchboard: plan is invalid (3 problems):\n  a\n  b\n");
    }
}
