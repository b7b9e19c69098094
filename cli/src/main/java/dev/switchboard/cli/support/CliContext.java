package dev.switchboard.cli.support;

import dev.switchboard.cli.profiles.ConfigFile;
import dev.switchboard.core.config.Env;
import dev.switchboard.core.http.RateBudgetRegistry;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What a command may touch outside itself: its streams, its environment, its working directory and
 * the clock. Tests build one over in-memory streams and a map, and run commands in process.
 *
 * @param interactive whether a person is at the terminal (prompts allowed)
 * @param environment the process environment (the {@code .env} file in {@code workDir} fills gaps)
 * @param rateBudgets where the command's API clients take their per-key rate budgets (a rehearsal's skip waits)
 */
public record CliContext(PrintWriter out, PrintWriter err, BufferedReader in, boolean interactive,
                         Map<String, String> environment, Path workDir, Clock clock, RateBudgetRegistry rateBudgets) {

    /** A context whose clients share the process's rate budgets on real time. */
    public CliContext(PrintWriter out, PrintWriter err, BufferedReader in, boolean interactive,
                      Map<String, String> environment, Path workDir, Clock clock) {
        this(out, err, in, interactive, environment, workDir, clock, RateBudgetRegistry.global());
    }

    /**
     * Settings and credentials, highest first: the environment, {@code .env} in the working directory,
     * then the active profile of {@code config.toml} ({@code --profile}, {@code SWITCHBOARD_PROFILE} or
     * the file's current one). Flags, where a command has one, win over all of these.
     */
    public Env settings() {
        Path dotEnv = workDir.resolve(".env");
        return ConfigFile.active(environment)
                .map(profile -> new Env(environment, dotEnv, profile.values(), "profile " + profile.name()))
                .orElseGet(() -> new Env(environment, dotEnv));
    }

    /** A path the user gave, resolved against the working directory. */
    public Path resolve(String path) {
        return workDir.resolve(path).normalize();
    }
}
