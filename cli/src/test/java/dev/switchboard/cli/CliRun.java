package dev.switchboard.cli;

import dev.switchboard.cli.support.CliContext;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Runs switchboard command lines in process with captured output, a given environment and input. */
public final class CliRun {
    private final Map<String, String> environment = new HashMap<>();
    private final Path workDir;
    private String input = "";
    private boolean interactive;
    private Clock clock = Clock.systemUTC();

    public CliRun(Path workDir) {
        this.workDir = workDir;
    }

    public CliRun env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public CliRun input(String text, boolean asTerminal) {
        this.input = text;
        this.interactive = asTerminal;
        return this;
    }

    public CliRun clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
                new BufferedReader(new StringReader(input)), interactive, Map.copyOf(environment), workDir, clock);
        int code = Main.run(context, args);
        return new Result(code, out.toString(), err.toString());
    }

    /** What a command line did: its exit code and everything it printed. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
