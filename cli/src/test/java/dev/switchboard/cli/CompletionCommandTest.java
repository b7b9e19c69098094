package dev.switchboard.cli;

import dev.switchboard.cli.support.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CompletionCommandTest {
    @TempDir
    Path dir;

    @Test
    void bashScriptCompletesTheWholeTreeDownToLeafCommandsAndTheirOptions() {
        CliRun.Result result = new CliRun(dir).run("completion", "bash");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .startsWith("#!/usr/bin/env bash")
                .contains("complete -F _complete_switchboard")
                .contains("function _picocli_switchboard_daily_numbers_list()")
                .contains("function _picocli_switchboard_transfer_apply()")
                .contains("function _picocli_switchboard_signalwire_numbers_buy()")
                .contains("'--max-rps'");
    }

    @Test
    void zshScriptIsAnAutoloadableCompletionFunctionThatAlsoWorksSourced() {
        CliRun.Result result = new CliRun(dir).run("completion", "zsh");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .startsWith("#compdef switchboard\n")
                .doesNotContain("#!/usr/bin/env bash")
                .contains("bashcompinit")
                .contains("function _picocli_switchboard_daily_numbers_list()")
                .endsWith("if [[ \"${funcstack[1]}\" == _switchboard ]]; then _bash_complete -F _complete_switchboard; fi\n");
    }

    @Test
    void anUnknownShellIsInvalidInputNamingTheChoices() {
        CliRun.Result result = new CliRun(dir).run("completion", "fish");

        assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err()).contains("fish").contains("bash, zsh");
        assertThat(result.out()).isEmpty();
    }
}
