package dev.switchboard.cli.support;

import java.util.Locale;

/**
 * Whether a command line asked for {@code -o json}, read from the raw arguments so that even a line
 * picocli could not parse reports its error as JSON.
 */
public final class JsonErrors {
    private JsonErrors() {
    }

    public static boolean requested(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                return false;
            }
            String value = null;
            if ((arg.equals("-o") || arg.equals("--output")) && i + 1 < args.length) {
                value = args[i + 1];
            } else if (arg.startsWith("--output=")) {
                value = arg.substring("--output=".length());
            } else if (arg.startsWith("-o=")) {
                value = arg.substring(3);
            } else if (arg.startsWith("-o") && !arg.startsWith("--")) {
                value = arg.substring(2);
            }
            if (value != null && value.strip().toLowerCase(Locale.ROOT).equals("json")) {
                return true;
            }
        }
        return false;
    }
}
