package dev.switchboard.core.inventory;

import dev.switchboard.core.http.Secret;

import java.util.Map;
import java.util.Optional;

/** Where the values of the {@link SecretRef}s of an inventory file come from. */
@FunctionalInterface
public interface SecretSource {
    Optional<Secret> find(String name);

    /** The value of {@code ref}; a missing one fails naming the secret (never its value). */
    default Secret require(SecretRef ref) {
        return find(ref.secret()).orElseThrow(() -> new MissingSecretException(ref.secret()));
    }

    static SecretSource of(Map<String, Secret> values) {
        Map<String, Secret> copy = Map.copyOf(values);
        return name -> Optional.ofNullable(copy.get(name));
    }

    /** This source, then {@code fallback} for names this one does not know. */
    default SecretSource orElse(SecretSource fallback) {
        return name -> find(name).or(() -> fallback.find(name));
    }

    /** A secret the file names but neither the secrets file nor the environment holds. */
    final class MissingSecretException extends IllegalArgumentException {
        private final String name;

        public MissingSecretException(String name) {
            super("secret " + name + " is neither in the secrets file nor in the environment");
            this.name = name;
        }

        public String name() {
            return name;
        }
    }
}
