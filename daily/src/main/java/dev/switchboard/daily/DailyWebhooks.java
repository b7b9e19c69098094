package dev.switchboard.daily;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.http.ApiRequest;
import dev.switchboard.core.http.HttpApi;
import dev.switchboard.core.http.HttpJson;
import dev.switchboard.core.http.Secret;

import java.util.ArrayList;
import java.util.List;

/**
 * Webhook subscriptions ({@code /webhooks}). Creating or updating one makes Daily send a verification POST to the
 * URL first; a receiver that does not answer 200 quickly makes the call fail with 400. An update also re-arms a
 * webhook whose circuit breaker tripped. Get it from {@link DailyClient#webhooks()}. Thread-safe.
 */
public final class DailyWebhooks {
    private final HttpApi api;

    DailyWebhooks(HttpApi api) {
        this.api = api;
    }

    /** Subscribes ({@code POST /webhooks}). Non-idempotent: on an unknown outcome, {@link #list} first. */
    public Webhook create(WebhookSpec spec) {
        return webhook(api.send(withSecret(ApiRequest.post("/webhooks", body(spec)), spec)).body());
    }

    /** Every subscription of the domain. */
    public List<Webhook> list() {
        JsonNode body = api.send(ApiRequest.get("/webhooks")).body();
        JsonNode items = body.isArray() ? body : body.path("data");
        List<Webhook> hooks = new ArrayList<>();
        items.forEach(item -> hooks.add(webhook(item)));
        return hooks;
    }

    /** @throws dev.switchboard.core.http.NotFoundException when no webhook has this uuid */
    public Webhook get(String uuid) {
        return webhook(api.send(ApiRequest.get(path(uuid))).body());
    }

    /** Changes the subscription and re-arms it; repeating it has the same effect, so it is retried like a PUT. */
    public Webhook update(String uuid, WebhookSpec spec) {
        return webhook(api.send(withSecret(ApiRequest.post(path(uuid), body(spec)).asIdempotent(), spec)).body());
    }

    public void delete(String uuid) {
        api.send(ApiRequest.delete(path(uuid)));
    }

    private static ApiRequest withSecret(ApiRequest request, WebhookSpec spec) {
        return spec.hmac() == null ? request : request.withBodySecrets(spec.hmac());
    }

    private static ObjectNode body(WebhookSpec spec) {
        ObjectNode body = HttpJson.object().put("url", spec.url());
        if (!spec.eventTypes().isEmpty()) {
            spec.eventTypes().forEach(body.putArray("eventTypes")::add);
        }
        if (spec.hmac() != null) {
            body.put("hmac", spec.hmac().reveal());
        }
        if (spec.retryType() != null) {
            body.put("retryType", spec.retryType());
        }
        return body;
    }

    private static String path(String uuid) {
        return "/webhooks/" + HttpApi.pathSegment(uuid);
    }

    static Webhook webhook(JsonNode item) {
        List<String> events = new ArrayList<>();
        item.path("eventTypes").forEach(e -> events.add(e.asText()));
        String hmac = DailyMapping.text(item, "hmac");
        JsonNode failed = item.get("failedCount");
        return new Webhook(DailyMapping.text(item, "uuid"), DailyMapping.text(item, "url"),
                hmac == null || hmac.isBlank() ? null : Secret.of(hmac), DailyMapping.text(item, "retryType"), events,
                DailyMapping.text(item, "state"), failed != null && failed.canConvertToInt() ? failed.asInt() : null,
                DailyMapping.text(item, "domainId"), DailyMapping.instant(DailyMapping.text(item, "createdAt")),
                DailyMapping.instant(DailyMapping.text(item, "updatedAt")));
    }
}
