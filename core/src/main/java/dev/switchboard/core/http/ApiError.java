package dev.switchboard.core.http;

/**
 * What is known about one failed provider call: the HTTP status (0 when no response arrived), the
 * provider's stable error type and human text (either may be null), the method and path of the request
 * (never the query or body, so no secret can reach it), and whether an earlier attempt of the same
 * request ended ambiguously (it may have been processed).
 */
public record ApiError(int status, String errorType, String info, String method, String path,
                       boolean afterAmbiguousAttempt) {

    /** One readable line: {@code DELETE /path -> 404 not-found: no such config}. */
    public String describe(String fallback) {
        StringBuilder line = new StringBuilder().append(method).append(' ').append(path).append(" -> ");
        line.append(status == 0 ? "no response" : String.valueOf(status));
        if (errorType != null && !errorType.isBlank()) {
            line.append(' ').append(errorType);
        }
        String text = info != null && !info.isBlank() ? info : fallback;
        if (text != null && !text.isBlank()) {
            line.append(": ").append(text.replaceAll("\\s+", " ").strip());
        }
        if (afterAmbiguousAttempt) {
            line.append(" (after an earlier attempt with an unknown outcome)");
        }
        return line.toString();
    }
}
