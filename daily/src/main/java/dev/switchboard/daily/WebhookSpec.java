package dev.switchboard.daily;

import dev.switchboard.core.http.Secret;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * What to subscribe with {@code POST /webhooks} (or change with {@code POST /webhooks/:uuid}). {@code hmac} null
 * lets Daily provision one (then read it from the answer: receivers need it); it must be base64.
 * {@code retryType} is {@code circuit-breaker} (Daily's default) or {@code exponential}; null leaves Daily's.
 */
public record WebhookSpec(String url, List<String> eventTypes, Secret hmac, String retryType) {
    public WebhookSpec {
        Objects.requireNonNull(url, "url");
        URI parsed = URI.create(url);
        if (parsed.getScheme() == null || !parsed.getScheme().matches("https?")) {
            throw new IllegalArgumentException("a webhook URL is http(s)://...");
        }
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
        if (retryType != null && !retryType.equals("circuit-breaker") && !retryType.equals("exponential")) {
            throw new IllegalArgumentException("retryType is circuit-breaker or exponential");
        }
        if (hmac != null) {
            try {
                java.util.Base64.getDecoder().decode(hmac.reveal());
            } catch (IllegalArgumentException notBase64) {
                throw new IllegalArgumentException("a webhook hmac must be base64");
            }
        }
    }
}
