package dev.switchboard.daily;

import dev.switchboard.core.http.Secret;

import java.time.Instant;
import java.util.List;

/**
 * A webhook subscription ({@code /webhooks}). {@code hmac} is the signing secret (never shown);
 * {@code state} is {@code ACTIVE} or {@code FAILED}/{@code INACTIVE} (circuit breaker tripped).
 */
public record Webhook(String uuid, String url, Secret hmac, String retryType, List<String> eventTypes, String state,
                      Integer failedCount, String domainId, Instant createdAt, Instant updatedAt) {
    public Webhook {
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
    }
}
