package dev.switchboard.cli.support;

import dev.switchboard.core.config.Env;

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
 */
public record CliContext(PrintWriter out, PrintWriter err, BufferedReader in, boolean interactive,
                         Map<String, String> environment, Path workDir, Clock clock) {

    /** Settings and credentials: the environment first, then {@code .env} in the working directory. */
    public Env settings() {
        return new Env(environment, workDir.resolve(".env"));
    }

    /** A path the user gave, resolved against the working directory. */
    public Path resolve(String path) {
        return workDir.resolve(path).normalize();
    }
}
