package dev.switchboard.emulator.server;

/**
 * Thrown by provider handlers to answer with an error response; carries no stack trace because it is
 * control flow, not a fault.
 */
public final class ApiException extends RuntimeException {
    private final transient ApiResponse response;

    public ApiException(ApiResponse response) {
        super("HTTP " + response.status(), null, false, false);
        this.response = response;
    }

    public ApiResponse response() {
        return response;
    }
}
