package dev.switchboard.cli.transfer;

import dev.switchboard.cli.support.CliException;
import dev.switchboard.cli.support.Durations;
import dev.switchboard.core.config.Env;
import dev.switchboard.core.http.RetryPolicy;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.Optional;

/**
 * The original utility's retry settings, as flags with environment fallbacks (flags win): how often a
 * request, or a transfer found not applied, is tried again, and the pause between entries.
 */
public final class RetryMixin {
    @Option(names = "--max-retries", paramLabel = "N",
            description = "Retries per request and per transfer found not applied (env MAX_RETRIES; default 3).")
    Integer maxRetries;

    @Option(names = "--initial-delay", paramLabel = "DURATION",
            description = "Wait before the first retry, e.g. 500ms or 1s; a bare number is seconds "
                    + "(env INITIAL_DELAY; default 1s).")
    Duration initialDelay;

    @Option(names = "--backoff-factor", paramLabel = "X",
            description = "Multiplier of the wait for each further retry (env BACKOFF_FACTOR; default 2).")
    Double backoffFactor;

    @Option(names = "--transfer-delay", paramLabel = "DURATION",
            description = "Pause between entries, e.g. 2s; a bare number is seconds (env TRANSFER_DELAY; default 0: "
                    + "requests are paced by Daily's rate limits).")
    Duration transferDelay;

    RetryPolicy policy(Env env) {
        int retries = maxRetries != null ? maxRetries : number(env, "MAX_RETRIES").map(Double::intValue).orElse(3);
        Duration initial = initialDelay != null ? initialDelay : duration(env, "INITIAL_DELAY").orElse(Duration.ofSeconds(1));
        double factor = backoffFactor != null ? backoffFactor : number(env, "BACKOFF_FACTOR").orElse(2.0);
        if (retries < 0 || factor < 1) {
            throw CliException.invalidInput("retry settings must be: max retries >= 0, backoff factor >= 1");
        }
        return RetryPolicy.defaults().withMaxRetries(retries).withInitialDelay(initial).withBackoffFactor(factor);
    }

    Duration transferDelay(Env env) {
        return transferDelay != null ? transferDelay : duration(env, "TRANSFER_DELAY").orElse(Duration.ZERO);
    }

    private static Optional<Duration> duration(Env env, String name) {
        return env.get(name).map(text -> {
            try {
                return Durations.parse(text);
            } catch (IllegalArgumentException e) {
                throw CliException.invalidInput(name + ": " + e.getMessage());
            }
        });
    }

    private static Optional<Double> number(Env env, String name) {
        return env.get(name).map(text -> {
            try {
                return Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                throw CliException.invalidInput(name + " must be a number, not '" + text + "'");
            }
        });
    }
}
