package dev.switchboard.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One emulated provider API mounted under a path prefix (Daily under {@code /v1}; SignalWire later under its
 * own prefixes). The server does rate limiting, fault injection and logging; the provider does auth,
 * routing, state and the provider-specific error bodies.
 */
public interface Provider {

    /** Key of this provider's section in the state file, e.g. {@code daily}. */
    String name();

    /** Whether this provider serves the path (e.g. it starts with {@code /v1/}). */
    boolean serves(String path);

    /** The credential that identifies the caller for rate limits and fault rules, or null if none. */
    String credential(ApiRequest request);

    /** The rate-limit class of the request, a key of {@link RateLimits#classes()}. */
    String rateClass(ApiRequest request);

    ApiResponse handle(ApiRequest request);

    ApiResponse rateLimited(String info);

    ApiResponse spuriousBadRequest();

    ApiResponse serverError(int status);

    /** This provider's state as JSON (the provider's section of the state file). */
    JsonNode dumpState();

    /** Replaces all state; null means empty. {@code idSeed} seeds the provider's id generator. */
    void loadState(JsonNode state, long idSeed);

    /**
     * What is live but not part of the state document (calls in progress, webhook deliveries), for the web
     * console; null when the provider has nothing of the kind. Must not contain keys or secrets.
     */
    default JsonNode liveState() {
        return null;
    }
}
