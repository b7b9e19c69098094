package dev.switchboard.cli.daily;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.core.config.Env;
import dev.switchboard.core.http.Secret;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.DailyClientOptions;
import picocli.CommandLine.Option;

import java.net.URI;

/**
 * The Daily connection every {@code switchboard daily} command shares: the key from {@code DAILY_API_KEY}, the
 * base URL from {@code DAILY_API_URL} (default {@code https://api.daily.co/v1}; plain http only on loopback),
 * both read from the environment, then {@code .env}; and an optional request cap.
 */
public final class DailyApiMixin {
    public static final String KEY_VARIABLE = "DAILY_API_KEY";
    public static final String URL_VARIABLE = "DAILY_API_URL";

    private final CliContext context;

    @Option(names = "--max-rps", paramLabel = "N", defaultValue = "0",
            description = "Send at most N requests per second to Daily (default: Daily's documented limits).")
    int maxRequestsPerSecond;

    DailyApiMixin(CliContext context) {
        this.context = context;
    }

    /** A client for the configured key; the key is never printed. */
    public DailyClient client() {
        Env settings = context.settings();
        Secret key = settings.requireSecret(KEY_VARIABLE,
                "create an API key in the Daily dashboard (Developers) and export it, or put it in .env");
        URI base = settings.get(URL_VARIABLE).map(DailyApiMixin::uri).orElse(DailyClient.DEFAULT_BASE_URI);
        if (maxRequestsPerSecond < 0) {
            throw new IllegalArgumentException("--max-rps must be 0 (no cap) or more");
        }
        return new DailyClient(base, key, DailyClientOptions.defaults().withMaxRequestsPerSecond(maxRequestsPerSecond));
    }

    public CliContext context() {
        return context;
    }

    private static URI uri(String value) {
        try {
            return URI.create(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(URL_VARIABLE + " is not a URL: " + value);
        }
    }
}
