package dev.switchboard.cli.support;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The one progress report for long work, on stderr: done/total, failures, rate and time left. On a
 * terminal it is rewritten in place at most ten times a second; on a pipe or file a plain line is
 * printed at most every {@link #PIPE_GAP} (so logs stay short); the final state is always printed.
 *
 * <p>Time comes from the context's clock, so tests drive it. When a run is cut short (Ctrl-C, a
 * kill), {@link #interrupted()} prints one line of what finished, what is left and the command that
 * resumes; {@link #watchForInterrupt()} arranges that for a real process.
 */
public final class ProgressLine implements AutoCloseable {
    static final Duration TERMINAL_GAP = Duration.ofMillis(100);
    static final Duration PIPE_GAP = Duration.ofSeconds(5);

    private final PrintWriter err;
    private final boolean terminal;
    private final Clock clock;
    private final String label;
    private long total;
    private final String resumeCommand;
    private final Instant started;
    private Instant lastPrinted;
    private long done;
    private long failed;
    private String detail;
    private int lastLength;
    private boolean ended;
    private Thread interruptHook;
    private boolean quiet;

    /**
     * @param resumeCommand the command line that resumes this work (null when rerunning would not resume)
     */
    public ProgressLine(CliContext context, String label, long total, String resumeCommand) {
        this.err = context.err();
        this.terminal = context.interactive();
        this.clock = context.clock();
        this.label = label;
        this.total = total;
        this.resumeCommand = resumeCommand;
        this.started = clock.instant();
    }

    public ProgressLine(CliContext context, String label, long total) {
        this(context, label, total, null);
    }

    /** Prints nothing while the work goes on ({@code --no-progress}); {@link #interrupted()} still reports. */
    public synchronized ProgressLine quiet() {
        quiet = true;
        return this;
    }

    /** Records that {@code done} entries finished, {@code failed} of them failing; prints if it is time. */
    public synchronized void update(long done, long failed) {
        this.done = done;
        this.failed = failed;
        Instant now = clock.instant();
        boolean last = done >= total;
        if (!last && lastPrinted != null && Duration.between(lastPrinted, now).compareTo(terminal ? TERMINAL_GAP : PIPE_GAP) < 0) {
            return;
        }
        print(render(now), last);
    }

    /** {@link #update(long, long)} when the total is known only as the work runs (entries already done are skipped). */
    public synchronized void update(long done, long failed, long total) {
        this.total = total;
        update(done, failed);
    }

    /** A word on what is happening now (for work without entries, such as waiting on a status). */
    public synchronized void detail(String detail) {
        this.detail = detail;
        update(done, failed);
    }

    /**
     * Prints a message of its own (a reconciliation, a failure) without mangling the progress line: on a
     * terminal the line is cleared first and redrawn at the next update. Printed with --no-progress too.
     */
    public synchronized void note(String text) {
        if (terminal && lastLength > 0 && !ended) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            lastLength = 0;
            lastPrinted = null;
        }
        err.println(text);
        err.flush();
    }

    private void print(String text, boolean last) {
        if (ended) {
            return;
        }
        lastPrinted = clock.instant();
        if (quiet) {
            ended = last;
            return;
        }
        if (terminal) {
            err.print("\r" + text + " ".repeat(Math.max(0, lastLength - text.length())) + (last ? "\n" : ""));
            lastLength = text.length();
        } else {
            err.println(text);
        }
        ended = last;
        err.flush();
    }

    String render(Instant now) {
        Duration elapsed = Duration.between(started, now);
        double seconds = Math.max(0.001, elapsed.toMillis() / 1000.0);
        StringBuilder text = new StringBuilder(label).append(": ").append(done).append('/').append(total);
        text.append(" (").append(total == 0 ? 100 : 100 * done / total).append("%)");
        if (failed > 0) {
            text.append(", ").append(failed).append(" failed");
        }
        if (detail != null) {
            text.append(", ").append(detail);
        }
        if (done > 0) {
            text.append(", ").append(String.format(java.util.Locale.ROOT, "%.1f/s", done / seconds));
        }
        if (done >= total) {
            text.append(", took ").append(Durations.format(elapsed));
        } else if (done > 0) {
            long leftMillis = (long) ((total - done) * (elapsed.toMillis() / (double) done));
            text.append(", ETA ").append(Durations.format(Duration.ofMillis(leftMillis)));
        } else {
            text.append(", ").append(Durations.format(elapsed));
        }
        return text.toString();
    }

    /**
     * Prints (and returns) the line for a run cut short: what finished, what is left, how to resume.
     * A run that already ended prints nothing and returns the empty string.
     */
    public synchronized String interrupted() {
        if (ended) {
            return "";
        }
        long left = total - done;
        String line = label + " interrupted: " + done + " of " + total + " finished"
                + (failed > 0 ? " (" + failed + " failed)" : "") + ", " + left + " left"
                + (resumeCommand == null ? "" : "; resume with: " + resumeCommand);
        err.print(terminal && lastLength > 0 ? "\n" : "");
        err.println(line);
        err.flush();
        ended = true;
        return line;
    }

    /**
     * Prints {@link #interrupted()} if the process is stopped (Ctrl-C, SIGTERM) before {@link #close()}.
     * Only the real process calls this; in-process tests call {@link #interrupted()} directly.
     */
    public synchronized ProgressLine watchForInterrupt() {
        if (interruptHook == null) {
            interruptHook = new Thread(this::interrupted, "switchboard-interrupt-summary");
            try {
                Runtime.getRuntime().addShutdownHook(interruptHook);
            } catch (IllegalStateException shuttingDown) {
                interruptHook = null;
            }
        }
        return this;
    }

    /** Ends the line (a terminal gets its newline) and stops watching for an interrupt. */
    @Override
    public synchronized void close() {
        if (interruptHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(interruptHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it prints the interrupted line
            }
            interruptHook = null;
        }
        if (!ended && lastPrinted != null) {
            print(render(clock.instant()), true);
        }
        ended = true;
    }
}
