package dev.switchboard.cli.bench;

import dev.switchboard.emulator.server.RequestLog;
import dev.switchboard.emulator.server.RequestLogEntry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a measured run's time went: its own marks (a process started, exited) and every request the emulator
 * logged, in milliseconds since the run started, written as a tab-separated file for {@code bench --timeline}.
 */
final class Timeline {
    private record Mark(String label, Instant at) {
    }

    private final Instant started = Instant.now();
    private final List<Mark> marks = new ArrayList<>();

    void mark(String label) {
        synchronized (marks) {
            marks.add(new Mark(label, Instant.now()));
        }
    }

    /** Writes the marks and the requests (one line each, ordered by time) to {@code file}. */
    void write(Path file, List<RequestLogEntry> requests, String sourceKey, String targetKey) throws IOException {
        String source = RequestLog.fingerprint(sourceKey);
        String target = RequestLog.fingerprint(targetKey);
        List<String[]> rows = new ArrayList<>();
        for (Mark mark : marks) {
            rows.add(new String[] {millis(mark.at()), "mark", mark.label()});
        }
        for (RequestLogEntry e : requests) {
            String key = source.equals(e.keyFingerprint()) ? "source" : target.equals(e.keyFingerprint()) ? "target" : "-";
            rows.add(new String[] {millis(e.at()), key, e.method() + " " + e.path() + (e.query() == null ? "" : "?" + e.query())
                    + " " + e.status() + " " + e.micros() / 1000 + "ms"});
        }
        rows.sort((a, b) -> Double.compare(Double.parseDouble(a[0]), Double.parseDouble(b[0])));
        List<String> lines = new ArrayList<>();
        lines.add("ms\twho\twhat");
        rows.forEach(r -> lines.add(String.join("\t", r)));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private String millis(Instant at) {
        return String.format(Locale.ROOT, "%.1f", Duration.between(started, at).toNanos() / 1e6);
    }
}
