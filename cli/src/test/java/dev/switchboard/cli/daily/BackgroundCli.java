package dev.switchboard.cli.daily;

import dev.switchboard.cli.Main;
import dev.switchboard.cli.support.CliContext;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/** Runs a long-lived command (webhooks listen) on its own thread; its output can be read while it runs. */
final class BackgroundCli implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)/");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Thread thread;
    private volatile int exitCode = -1;

    BackgroundCli(Path workDir, Map<String, String> env, String... args) {
        CliContext context = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
                new BufferedReader(new StringReader("")), false, Map.copyOf(env), workDir, Clock.systemUTC());
        thread = new Thread(() -> exitCode = Main.run(context, args), "background-cli");
        thread.start();
    }

    /** Waits for the listener's start line and returns its port. */
    int awaitPort() {
        await().atMost(Duration.ofSeconds(10)).until(() -> LISTENING.matcher(err.toString()).find() || !thread.isAlive());
        Matcher m = LISTENING.matcher(err.toString());
        if (!m.find()) {
            throw new IllegalStateException("the listener did not start: " + err);
        }
        return Integer.parseInt(m.group(1));
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    /** Waits for the command to end by itself (e.g. --max-events) and returns its exit code. */
    int awaitExit() throws InterruptedException {
        thread.join(Duration.ofSeconds(20).toMillis());
        return exitCode;
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(Duration.ofSeconds(10).toMillis());
    }
}
