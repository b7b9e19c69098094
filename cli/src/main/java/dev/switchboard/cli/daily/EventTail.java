package dev.switchboard.cli.daily;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.http.HttpJson;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the events {@code webhooks listen --save FILE} appends (one JSON envelope per line), starting at the end
 * the file had when the tail was opened, so only events that arrive afterwards are seen.
 */
final class EventTail {
    private static final Duration POLL = Duration.ofMillis(100);

    private final Path file;
    private long offset;
    private final StringBuilder partial = new StringBuilder();

    EventTail(Path file) {
        this.file = file;
        try {
            this.offset = Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The next complete events, waiting up to {@code timeout} for at least one; empty on timeout. */
    List<JsonNode> next(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<JsonNode> events = read();
            if (!events.isEmpty() || System.nanoTime() >= deadline) {
                return events;
            }
            Thread.sleep(Math.min(POLL.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        }
    }

    private List<JsonNode> read() {
        List<JsonNode> events = new ArrayList<>();
        if (!Files.exists(file)) {
            return events;
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            if (in.length() < offset) {
                offset = 0;
            }
            byte[] bytes = new byte[(int) (in.length() - offset)];
            in.seek(offset);
            in.readFully(bytes);
            offset += bytes.length;
            partial.append(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        int newline;
        while ((newline = partial.indexOf("\n")) >= 0) {
            String line = partial.substring(0, newline).strip();
            partial.delete(0, newline + 1);
            if (!line.isEmpty()) {
                try {
                    events.add(HttpJson.parse(line));
                } catch (IOException notJson) {
                    // a line written by something else; the listener writes one JSON object per line
                }
            }
        }
        return events;
    }
}
