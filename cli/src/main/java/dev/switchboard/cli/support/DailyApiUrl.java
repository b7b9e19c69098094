package dev.switchboard.cli.support;

import dev.switchboard.core.config.Env;
import dev.switchboard.daily.DailyClient;

import java.net.URI;

/** The Daily base URL: {@code DAILY_API_URL} (environment, then .env), else Daily's public API. */
public final class DailyApiUrl {
    public static final String VARIABLE = "DAILY_API_URL";

    private DailyApiUrl() {
    }

    public static URI from(Env settings) {
        String text = settings.get(VARIABLE).orElse(null);
        if (text == null) {
            return DailyClient.DEFAULT_BASE_URI;
        }
        try {
            URI uri = URI.create(text.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw CliException.invalidInput(VARIABLE + " is not a URL: " + text);
        }
    }
}
