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
        CliContext context = context(out, err);
        int code = Main.run(context, args);
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * Starts a long-running command line (a server) on its own thread; the test reads its output as it
     * comes, then interrupts it.
     */
    public Live start(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = context(out, err);
        java.util.concurrent.CompletableFuture<Integer> exit = new java.util.concurrent.CompletableFuture<>();
        Thread thread = new Thread(() -> exit.complete(Main.run(context, args)), "cli-" + args[0]);
        thread.setDaemon(true);
        thread.start();
        return new Live(thread, out, err, exit);
    }

    /** A command line running on its own thread. */
    public record Live(Thread thread, StringWriter outWriter, StringWriter errWriter,
                       java.util.concurrent.CompletableFuture<Integer> exit) {
        public String out() {
            synchronized (outWriter.getBuffer()) {
                return outWriter.toString();
            }
        }

        public String err() {
            synchronized (errWriter.getBuffer()) {
                return errWriter.toString();
            }
        }

        public void interrupt() {
            thread.interrupt();
        }

        public int exitCode(java.time.Duration timeout) throws Exception {
            return exit.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    private CliContext context(StringWriter out, StringWriter err) {
        return new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
                new BufferedReader(new StringReader(input)), interactive, Map.copyOf(environment), workDir, clock);
    }

    /** What a command line did: its exit code and everything it printed. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
