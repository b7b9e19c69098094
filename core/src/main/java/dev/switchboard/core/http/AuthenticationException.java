package dev.switchboard.core.http;

/**
 * The credential was rejected (401) or lacks permission (403). {@link #keyFingerprint()} tells which key it was
 * (a fingerprint, never the key), so a command using two keys can name the one to fix.
 */
public final class AuthenticationException extends ApiException {
    private final String keyFingerprint;

    public AuthenticationException(ApiError error, Throwable cause) {
        this(error, cause, null);
    }

    public AuthenticationException(ApiError error, Throwable cause, String keyFingerprint) {
        super(error, null, cause);
        this.keyFingerprint = keyFingerprint;
    }

    /** The fingerprint ({@link Secret#fingerprint()}) of the rejected key, or null when unknown. */
    public String keyFingerprint() {
        return keyFingerprint;
    }
}
