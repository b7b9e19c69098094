package dev.switchboard.cli.support;

import dev.switchboard.core.config.Env;
import dev.switchboard.core.http.Secret;

import java.util.List;
import java.util.Optional;

/** Which setting holds a key, found by its fingerprint, so a rejected key is named without being shown. */
final class CredentialNames {
    private static final List<String> DAILY_KEYS = List.of("DAILY_SOURCE_API_KEY", "DAILY_TARGET_API_KEY", "DAILY_API_KEY");

    private CredentialNames() {
    }

    static Optional<String> nameOf(CliContext context, String fingerprint) {
        if (fingerprint == null) {
            return Optional.empty();
        }
        Env env;
        try {
            env = context.settings();
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
        for (String name : DAILY_KEYS) {
            if (env.secret(name).map(Secret::fingerprint).filter(fingerprint::equals).isPresent()) {
                return Optional.of(name);
            }
        }
        Optional<String> project = env.get("SIGNALWIRE_PROJECT_ID");
        Optional<String> token = env.get("SIGNALWIRE_API_TOKEN");
        if (project.isPresent() && token.isPresent()
                && Secret.of(project.get() + ":" + token.get()).fingerprint().equals(fingerprint)) {
            return Optional.of("SIGNALWIRE_PROJECT_ID/SIGNALWIRE_API_TOKEN");
        }
        return Optional.empty();
    }
}
