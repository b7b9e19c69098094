package dev.switchboard.cli;

import dev.switchboard.cli.support.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {
    @TempDir
    Path dir;

    @Test
    void helpListsTheExitCodes() {
        CliRun.Result result = new CliRun(dir).run("--help");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Usage: switchboard").contains("Exit codes: 0 ok");
    }

    @Test
    void anUnknownFlagIsInvalidInputWithOneLineError() {
        CliRun.Result result = new CliRun(dir).run("--no-such-flag");
        assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err()).startsWith("switchboard: Unknown option: '--no-such-flag'");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void versionIsPrinted() {
        CliRun.Result result = new CliRun(dir).run("--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("switchboard ");
    }
}
