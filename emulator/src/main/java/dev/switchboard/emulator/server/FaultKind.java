package dev.switchboard.emulator.server;

import java.util.Arrays;

/** What an injected fault does to a matching request. */
public enum FaultKind {
    /** Answers 429 rate-limit-error; the request is not applied. */
    RATE_LIMIT("429", false),
    /** Answers 400 invalid-request-error; not applied. */
    SPURIOUS_400("spurious-400", false),
    /** Answers the rule's status (default 500) with a server-error body; not applied. */
    SERVER_ERROR("5xx", false),
    /** Waits the rule's milliseconds, then serves the request normally. */
    LATENCY("latency", true),
    /** Holds the request for the rule's milliseconds (default 30 s), then closes the connection unanswered. */
    TIMEOUT("timeout", false),
    /** Closes the connection without any response; not applied. */
    RESET("reset", false),
    /** Applies the request, then answers 500 (status configurable) instead of the real answer. */
    APPLIED_LOST_5XX("applied-lost-5xx", true),
    /** Applies the request, then closes the connection without a response. */
    APPLIED_LOST_RESET("applied-lost-reset", true);

    private final String wireName;
    private final boolean applies;

    FaultKind(String wireName, boolean applies) {
        this.wireName = wireName;
        this.applies = applies;
    }

    /** The name used in fault files and the admin API. */
    public String wireName() {
        return wireName;
    }

    /** Whether the request's change takes effect. */
    public boolean applies() {
        return applies;
    }

    public static FaultKind fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fault kind: " + name));
    }
}
