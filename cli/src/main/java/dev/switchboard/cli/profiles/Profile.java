package dev.switchboard.cli.profiles;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One named set of settings: Daily keys (one domain, or a transfer's source and target) and a
 * SignalWire space. Values are keyed by the variable they stand in for.
 */
public record Profile(String name, Map<String, String> values) {
    /** The settings a profile may hold, as environment variable names. */
    public static final List<String> VARIABLES = List.of("DAILY_API_KEY", "DAILY_SOURCE_API_KEY", "DAILY_TARGET_API_KEY",
            "DAILY_API_URL", "SIGNALWIRE_PROJECT_ID", "SIGNALWIRE_API_TOKEN", "SIGNALWIRE_SPACE_URL");
    /** The ones that are secrets: read without echo, never printed (only fingerprints). */
    public static final List<String> SECRETS = List.of("DAILY_API_KEY", "DAILY_SOURCE_API_KEY", "DAILY_TARGET_API_KEY",
            "SIGNALWIRE_API_TOKEN");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    public Profile {
        values = Map.copyOf(values);
    }

    /** Profile names are letters, digits, '-' and '_' (they become TOML table names). */
    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
