package dev.switchboard.cli.transfer;

import dev.switchboard.cli.support.CliException;
import picocli.CommandLine.Option;

/**
 * {@code --max-rps}: the most requests per second each API key may make. Daily allows 20 per second (and
 * 100 per 5 s) per key, shared with everything else using that key; the default, 16, leaves a fifth of it
 * to production traffic on the same key during a migration.
 */
public final class RateMixin {
    /** 80% of Daily's documented 20 requests per second. */
    static final int DEFAULT_MAX_RPS = 16;

    @Option(names = "--max-rps", paramLabel = "N", defaultValue = "" + DEFAULT_MAX_RPS,
            description = "Requests per second per API key at most (default: " + DEFAULT_MAX_RPS + ", 80%% of Daily's "
                    + "limit of 20, leaving headroom for production traffic on the same key; 20 uses all of it).")
    Integer maxRps;

    int maxRequestsPerSecond() {
        int value = maxRps != null ? maxRps : DEFAULT_MAX_RPS;
        if (value < 1) {
            throw CliException.invalidInput("--max-rps must be at least 1");
        }
        return value;
    }
}
