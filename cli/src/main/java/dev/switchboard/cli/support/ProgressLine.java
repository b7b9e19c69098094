package dev.switchboard.cli.support;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A one-line progress report on stderr for long work: rewritten in place on a terminal, printed at
 * most every few seconds otherwise (logs and CI), always printed at the end.
 */
public final class ProgressLine {
    private final PrintWriter err;
    private final boolean terminal;
    private final Clock clock;
    private final String label;
    private final long total;
    private final Instant started;
    private Instant lastPrinted = Instant.MIN;

    public ProgressLine(CliContext context, String label, long total) {
        this.err = context.err();
        this.terminal = context.interactive();
        this.clock = context.clock();
        this.label = label;
        this.total = total;
        this.started = clock.instant();
    }

    public synchronized void update(long done, long failed) {
        Instant now = clock.instant();
        Duration minGap = terminal ? Duration.ofMillis(100) : Duration.ofSeconds(5);
        if (done < total && Duration.between(lastPrinted, now).compareTo(minGap) < 0) {
            return;
        }
        lastPrinted = now;
        String text = render(done, failed, now);
        if (terminal) {
            err.print("\r" + text + (done >= total ? "\n" : ""));
        } else {
            err.println(text);
        }
        err.flush();
    }

    private String render(long done, long failed, Instant now) {
        double seconds = Math.max(0.001, Duration.between(started, now).toMillis() / 1000.0);
        int percent = total == 0 ? 100 : (int) (100 * done / total);
        return String.format("%s: %d/%d (%d%%)%s, %.1fs", label, done, total, percent,
                failed > 0 ? ", " + failed + " failed" : "", seconds);
    }
}
