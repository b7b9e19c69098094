package dev.switchboard.cli.bench;

import dev.switchboard.emulator.server.RequestLogEntry;

import java.util.List;

/**
 * The requests of one measured run as the emulator logged them, per API key.
 *
 * @param source        requests made with the source key
 * @param target        requests made with the target key
 * @param writes        requests other than GET (transfers, deletes, creates, rewrites)
 * @param rateLimited   requests the emulator answered 429 because a window was full
 */
record RequestTally(int source, int target, int writes, int rateLimited) {
    static RequestTally of(List<RequestLogEntry> log, String sourceFingerprint, String targetFingerprint) {
        int source = 0;
        int target = 0;
        int writes = 0;
        int limited = 0;
        for (RequestLogEntry entry : log) {
            if (sourceFingerprint.equals(entry.keyFingerprint())) {
                source++;
            } else if (targetFingerprint.equals(entry.keyFingerprint())) {
                target++;
            }
            if (!entry.method().equals("GET")) {
                writes++;
            }
            if (entry.status() == 429) {
                limited++;
            }
        }
        return new RequestTally(source, target, writes, limited);
    }

    int total() {
        return source + target;
    }

    /**
     * The rate-limit floor: each key has its own budget, so a run cannot be shorter than its busiest key's
     * requests at that key's sustained rate. In seconds.
     */
    double floorSeconds(double requestsPerSecond) {
        return Math.max(source, target) / requestsPerSecond;
    }

    String busiestKey() {
        return source >= target ? "source" : "target";
    }
}
