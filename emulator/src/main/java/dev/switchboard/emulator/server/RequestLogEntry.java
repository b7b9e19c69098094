package dev.switchboard.emulator.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One served request. Bodies are never recorded (a transfer body holds the target domain's key), and the
 * API key appears only as a fingerprint.
 *
 * @param seq            1-based order of arrival
 * @param at             wall-clock time the request arrived (real time, not the emulated clock)
 * @param status         the status sent, or 0 when the connection was closed without a response
 * @param keyFingerprint {@code sha256:} and the first 12 hex digits of the key's SHA-256, or null without a key
 * @param fault          the injected fault's kind ({@code rate-limited} for a real rate-limit rejection), or null
 * @param micros         time spent serving, in microseconds
 */
public record RequestLogEntry(long seq, Instant at, String method, String path, String query, int status,
                              String keyFingerprint, String fault, long micros) {

    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("seq", seq).put("at", at.toString()).put("method", method).put("path", path);
        node.put("query", query).put("status", status).put("key_fingerprint", keyFingerprint);
        node.put("fault", fault).put("micros", micros);
        return node;
    }
}
