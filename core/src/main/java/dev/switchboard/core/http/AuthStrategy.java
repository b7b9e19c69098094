package dev.switchboard.core.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * How requests authenticate. Bearer serves Daily; Basic (project id + token) serves SignalWire. The
 * {@link #fingerprint()} identifies the credential without revealing it, for sharing a rate budget
 * among all clients that use the same key.
 */
public sealed interface AuthStrategy {

    /** The value of the {@code Authorization} header. Sent, never logged. */
    String headerValue();

    /** The scheme word shown in traces ({@code Bearer}, {@code Basic}); never the credential. */
    String scheme();

    /** The secret part, so the HTTP layer can mask it wherever it might echo back. */
    Secret secret();

    /** A short non-reversible tag of the credential. */
    default String fingerprint() {
        return secret().fingerprint();
    }

    static AuthStrategy bearer(Secret token) {
        return new Bearer(token);
    }

    static AuthStrategy basic(String username, Secret password) {
        return new Basic(username, password);
    }

    /** {@code Authorization: Bearer <token>}. */
    record Bearer(Secret token) implements AuthStrategy {
        public Bearer {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String scheme() {
            return "Bearer";
        }

        @Override
        public String headerValue() {
            return "Bearer " + token.reveal();
        }

        @Override
        public Secret secret() {
            return token;
        }
    }

    /** {@code Authorization: Basic base64(username:password)}; the username is not secret. */
    record Basic(String username, Secret password) implements AuthStrategy {
        public Basic {
            if (username == null || username.isBlank() || username.contains(":")) {
                throw new IllegalArgumentException("a basic-auth username must be non-empty and hold no ':'");
            }
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String scheme() {
            return "Basic";
        }

        @Override
        public String headerValue() {
            String pair = username + ":" + password.reveal();
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public Secret secret() {
            return password;
        }

        @Override
        public String fingerprint() {
            return Secret.of(username + ":" + password.reveal()).fingerprint();
        }
    }
}
