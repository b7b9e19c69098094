package dev.switchboard.core.http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful (2xx) answer: status and parsed JSON body (an empty object for an empty body). When
 * {@code afterAmbiguousAttempt} is true, an earlier attempt of the same idempotent request ended without
 * a clear answer and this one was a retry.
 */
public record ApiResponse(int status, JsonNode body, boolean afterAmbiguousAttempt) {
    @Override
    public String toString() {
        return "ApiResponse[" + status + (afterAmbiguousAttempt ? ", after an ambiguous attempt" : "") + "]";
    }
}
