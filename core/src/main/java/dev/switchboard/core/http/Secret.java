package dev.switchboard.core.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A credential or signing secret (API key, token, hmac). Its {@link #toString()} never shows the value,
 * so a secret that ends up in a log line, an exception message or a record's {@code toString} stays
 * hidden. Only {@link #reveal()} gives the value, for the one place that must send it.
 * Thread-safe and immutable.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "secret value");
    }

    public static Secret of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
        return new Secret(value.strip());
    }

    /** The raw value. Call it only where the value is sent or stored on purpose. */
    public String reveal() {
        return value;
    }

    /**
     * A short, stable, non-reversible tag for this secret (first 8 hex digits of its SHA-256), for
     * telling two keys apart in output and for keying per-credential state without holding the value.
     */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }
}
