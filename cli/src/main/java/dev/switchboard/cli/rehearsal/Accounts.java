package dev.switchboard.cli.rehearsal;

import dev.switchboard.core.config.Env;

/**
 * Which real accounts a snapshot reads: the Daily domain of {@code DAILY_API_KEY}, the transfer's source and target
 * ({@code DAILY_SOURCE_API_KEY}, {@code DAILY_TARGET_API_KEY}), and the SignalWire project of
 * {@code SIGNALWIRE_*}.
 */
record Accounts(boolean daily, boolean transfer, boolean signalwire) {
    static final String DAILY_KEY = "DAILY_API_KEY";
    static final String SOURCE_KEY = "DAILY_SOURCE_API_KEY";
    static final String TARGET_KEY = "DAILY_TARGET_API_KEY";
    static final String SIGNALWIRE_PROJECT = "SIGNALWIRE_PROJECT_ID";
    static final String SIGNALWIRE_TOKEN = "SIGNALWIRE_API_TOKEN";
    static final String SIGNALWIRE_SPACE = "SIGNALWIRE_SPACE_URL";

    boolean none() {
        return !daily && !transfer && !signalwire;
    }

    /** Every account whose credentials are set (environment, {@code .env} or profile). */
    static Accounts configured(Env env) {
        return new Accounts(env.get(DAILY_KEY).isPresent(),
                env.get(SOURCE_KEY).isPresent() && env.get(TARGET_KEY).isPresent(),
                env.get(SIGNALWIRE_TOKEN).isPresent());
    }

    /**
     * The accounts a command works on, from its path: {@code switchboard daily …} the Daily domain, {@code transfer …}
     * the source and target, {@code signalwire …} the project; any other command every configured account.
     */
    static Accounts forCommand(String qualifiedName, Env env) {
        String[] words = qualifiedName.split(" ");
        String group = words.length > 1 ? words[1] : "";
        return switch (group) {
            case "daily" -> new Accounts(true, false, false);
            case "transfer" -> new Accounts(false, true, false);
            case "signalwire" -> new Accounts(false, false, true);
            default -> configured(env);
        };
    }

    String describe() {
        StringBuilder text = new StringBuilder();
        if (daily) {
            text.append("the Daily domain of ").append(DAILY_KEY);
        }
        if (transfer) {
            text.append(text.isEmpty() ? "" : ", ").append("the transfer's source and target domains");
        }
        if (signalwire) {
            text.append(text.isEmpty() ? "" : ", ").append("the SignalWire project");
        }
        return text.toString();
    }
}
