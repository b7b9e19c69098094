package dev.switchboard.cli.daily;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.DailyApiUrl;
import dev.switchboard.cli.support.DebugMixin;
import dev.switchboard.core.config.Env;
import dev.switchboard.core.http.Secret;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.DailyClientOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;

/**
 * The Daily connection every {@code switchboard daily} command shares: the key from {@code DAILY_API_KEY}, the
 * base URL from {@code DAILY_API_URL} (default {@code https://api.daily.co/v1}; plain http only on loopback),
 * both read from the environment, then {@code .env}; and an optional request cap.
 */
public final class DailyApiMixin {
    public static final String KEY_VARIABLE = "DAILY_API_KEY";
    public static final String URL_VARIABLE = DailyApiUrl.VARIABLE;

    private final CliContext context;

    @Option(names = "--max-rps", paramLabel = "N", defaultValue = "0",
            description = "Send at most N requests per second to Daily (default: Daily's documented limits).")
    int maxRequestsPerSecond;

    @Mixin
    DebugMixin debug;

    DailyApiMixin(CliContext context) {
        this.context = context;
    }

    /** A client for the configured key; the key is never printed. */
    public DailyClient client() {
        return client(context, maxRequestsPerSecond, debug);
    }

    /** A client for the configured key, for commands that connect to Daily beside other providers. */
    public static DailyClient client(CliContext context, int maxRequestsPerSecond, DebugMixin debug) {
        Env settings = context.settings();
        Secret key = settings.requireSecret(KEY_VARIABLE,
                "create an API key in the Daily dashboard (Developers) and export it, or put it in .env");
        URI base = DailyApiUrl.from(settings);
        if (maxRequestsPerSecond < 0) {
            throw new IllegalArgumentException("--max-rps must be 0 (no cap) or more");
        }
        return new DailyClient(base, key, DailyClientOptions.defaults().withRateBudgets(context.rateBudgets())
                .withMaxRequestsPerSecond(maxRequestsPerSecond)
                .withDebugSink(debug.sink()));
    }

    public CliContext context() {
        return context;
    }
}
