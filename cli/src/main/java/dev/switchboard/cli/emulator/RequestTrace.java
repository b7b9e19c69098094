package dev.switchboard.cli.emulator;

import dev.switchboard.emulator.Emulator;
import dev.switchboard.emulator.server.RequestLogEntry;

import java.io.PrintWriter;
import java.util.List;

/** {@code emulator --debug}: every request served, one line each on stderr (keys only as fingerprints). */
final class RequestTrace {
    private final Emulator emulator;
    private final PrintWriter err;
    private long lastSeen;

    RequestTrace(Emulator emulator, PrintWriter err) {
        this.emulator = emulator;
        this.err = err;
    }

    /** Prints the requests served since the last call. */
    void printNew() {
        List<RequestLogEntry> entries = emulator.admin().requests();
        for (RequestLogEntry entry : entries) {
            if (entry.seq() > lastSeen) {
                err.println("debug: " + entry.method() + " " + entry.path()
                        + (entry.query() == null || entry.query().isEmpty() ? "" : "?" + entry.query())
                        + " -> " + (entry.status() == 0 ? "no response" : entry.status())
                        + (entry.fault() == null ? "" : " (" + entry.fault() + ")") + ", " + entry.micros() / 1000 + " ms");
                lastSeen = entry.seq();
            }
        }
        err.flush();
    }
}
