package dev.switchboard.cli.support;

import dev.switchboard.daily.PageListener;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Progress while paged lists are read (a plan's or a verify's reading of both domains): items read of
 * the lists' {@code total_count}s, summed over every list being read. Quiet for the first
 * {@link #GRACE}, so a small domain prints nothing; a large one shows its paging like any long work.
 */
public final class PagingProgress implements AutoCloseable {
    static final Duration GRACE = Duration.ofSeconds(2);

    private final CliContext context;
    private final ProgressLine line;
    private final Instant started;
    private final Map<String, long[]> lists = new LinkedHashMap<>();
    private boolean shown;
    private long read;

    private PagingProgress(CliContext context, ProgressLine line) {
        this.context = context;
        this.line = line;
        this.started = context.clock().instant();
    }

    /** @param quiet {@code --no-progress}: nothing is printed */
    public static PagingProgress start(CliContext context, String label, boolean quiet) {
        ProgressLine line = new ProgressLine(context, label, 0);
        return new PagingProgress(context, quiet ? line.quiet() : line);
    }

    /** The listener for one client's lists; {@code owner} tells apart the same list read from two domains. */
    public PageListener listener(String owner) {
        return (path, itemsRead, expectedTotal) -> page(owner + ' ' + path, itemsRead, expectedTotal);
    }

    private synchronized void page(String list, int itemsRead, long expectedTotal) {
        lists.put(list, new long[] {itemsRead, Math.max(itemsRead, expectedTotal)});
        read = lists.values().stream().mapToLong(counts -> counts[0]).sum();
        long expected = lists.values().stream().mapToLong(counts -> counts[1]).sum();
        if (!shown && Duration.between(started, context.clock().instant()).compareTo(GRACE) < 0) {
            return;
        }
        shown = true;
        // Lists not yet started are not counted, so the line never claims the end before close().
        line.update(read, 0, Math.max(expected, read + 1));
    }

    /** Prints the final count (only if the line was shown) and ends the line. */
    @Override
    public synchronized void close() {
        if (shown) {
            line.update(read, 0, read);
        }
        line.close();
    }
}
