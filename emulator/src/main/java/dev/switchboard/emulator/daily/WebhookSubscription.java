package dev.switchboard.emulator.daily;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.Json;
import java.time.Instant;
import java.util.List;

/**
 * A {@code /webhooks} subscription. The settings change only under the provider's lock; the delivery counters
 * ({@code state}, {@code failedCount}, {@code lastMomentPushed}) change on the delivery thread, so they are
 * guarded by this object.
 */
final class WebhookSubscription {
    static final String ACTIVE = "ACTIVE";
    static final String FAILED = "FAILED";
    static final int CIRCUIT_BREAKER_FAILURES = 3;

    final String uuid;
    final String domainId;
    final Instant createdAt;
    String url;
    String hmac;
    String basicAuth;
    String retryType;
    List<String> eventTypes;
    Instant updatedAt;
    private String state = ACTIVE;
    private int failedCount;
    private Instant lastMomentPushed;

    WebhookSubscription(String uuid, String domainId, Instant createdAt) {
        this.uuid = uuid;
        this.domainId = domainId;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** Whether this subscription takes events of {@code type} (no event types means every event). */
    boolean wants(String type) {
        return eventTypes.isEmpty() || eventTypes.contains(type);
    }

    boolean exponential() {
        return "exponential".equals(retryType);
    }

    synchronized boolean active() {
        return ACTIVE.equals(state);
    }

    synchronized void delivered(Instant at) {
        failedCount = 0;
        lastMomentPushed = at;
    }

    /** A message finally failed; under the circuit breaker, three in a row stop delivery. */
    synchronized void failed() {
        failedCount++;
        if (!exponential() && failedCount >= CIRCUIT_BREAKER_FAILURES) {
            state = FAILED;
        }
    }

    /** An update re-arms a failed webhook. */
    synchronized void rearm() {
        state = ACTIVE;
        failedCount = 0;
    }

    synchronized ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("uuid", uuid).put("url", url).put("hmac", hmac).put("basicAuth", basicAuth);
        node.put("retryType", retryType);
        eventTypes.forEach(node.putArray("eventTypes")::add);
        node.put("state", state).put("failedCount", failedCount);
        node.put("lastMomentPushed", lastMomentPushed == null ? null : DailyTime.format(lastMomentPushed));
        node.put("domainId", domainId).put("createdAt", DailyTime.format(createdAt));
        node.put("updatedAt", DailyTime.format(updatedAt));
        return node;
    }
}
