package dev.switchboard.emulator.daily;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.ApiResponse;
import dev.switchboard.emulator.server.Json;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code /webhooks}: create, list, get, update (POST, which also re-arms a failed webhook) and delete. Create and
 * update first send the verification probe {@code {"test": true}} (signed like any event) to the URL; anything
 * but a 2xx answer fails the call with 400 and changes nothing. The probe is sent while the provider's lock is
 * held, so a receiver must not call the emulator back before answering it.
 */
final class WebhookRoutes {
    private static final Set<String> FIELDS = Set.of("url", "basicAuth", "retryType", "eventTypes", "hmac");
    static final Set<String> EVENT_TYPES = Set.of("recording.ready-to-download", "recording.started",
            "recording.error", "streaming.started", "streaming.updated", "streaming.ended", "streaming.error",
            "meeting.started", "meeting.ended", "participant.joined", "participant.left",
            "waiting-participant.joined", "waiting-participant.left", "batch-processor.job-finished",
            "batch-processor.error", "dialout.connected", "dialout.error", "dialout.stopped", "dialout.warning",
            "dialout.answered", "dialin.ready", "dialin.connected", "dialin.error", "dialin.stopped", "dialin.warning",
            "transcript.ready-to-download", "transcript.started", "transcript.error", "calltransfer.triggered",
            "calltransfer.initiated", "calltransfer.answered", "calltransfer.completed");

    private final WebhookDispatcher dispatcher;

    WebhookRoutes(WebhookDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    ApiResponse create(DailyCall call) {
        ObjectNode body = call.body(FIELDS);
        if (Json.text(body, "url") == null) {
            throw DailyErrors.invalid("missing required field: url");
        }
        WebhookSubscription hook = new WebhookSubscription(call.state().newId(), call.domain().id, call.state().now());
        hook.retryType = "circuit-breaker";
        hook.eventTypes = List.of();
        hook.hmac = call.state().newHmac();
        apply(hook, body);
        probe(hook);
        call.domain().webhooks.put(hook.uuid, hook);
        return ApiResponse.json(200, hook.toJson());
    }

    ApiResponse list(DailyCall call) {
        ArrayNode hooks = Json.array();
        call.domain().webhooks.values().forEach(h -> hooks.add(h.toJson()));
        return ApiResponse.json(200, hooks);
    }

    ApiResponse get(DailyCall call) {
        return ApiResponse.json(200, hook(call).toJson());
    }

    ApiResponse update(DailyCall call) {
        WebhookSubscription hook = hook(call);
        ObjectNode body = call.body(FIELDS);
        WebhookSubscription candidate = new WebhookSubscription(hook.uuid, hook.domainId, hook.createdAt);
        candidate.url = hook.url;
        candidate.hmac = hook.hmac;
        candidate.basicAuth = hook.basicAuth;
        candidate.retryType = hook.retryType;
        candidate.eventTypes = hook.eventTypes;
        apply(candidate, body);
        probe(candidate);
        hook.url = candidate.url;
        hook.hmac = candidate.hmac;
        hook.basicAuth = candidate.basicAuth;
        hook.retryType = candidate.retryType;
        hook.eventTypes = candidate.eventTypes;
        hook.updatedAt = call.state().now();
        hook.rearm();
        return ApiResponse.json(200, hook.toJson());
    }

    ApiResponse delete(DailyCall call) {
        call.domain().webhooks.remove(hook(call).uuid);
        return ApiResponse.json(200, null);
    }

    private static WebhookSubscription hook(DailyCall call) {
        WebhookSubscription hook = call.domain().webhooks.get(call.param("id"));
        if (hook == null) {
            throw DailyErrors.notFound("no webhook " + call.param("id"));
        }
        return hook;
    }

    private static void apply(WebhookSubscription hook, ObjectNode body) {
        if (body.has("url")) {
            hook.url = url(Json.text(body, "url"));
        }
        if (body.has("hmac")) {
            String hmac = Json.text(body, "hmac");
            if (!Base64Check.valid(hmac)) {
                throw DailyErrors.invalid("hmac must be base64");
            }
            hook.hmac = hmac;
        }
        if (body.has("basicAuth")) {
            hook.basicAuth = Json.text(body, "basicAuth");
        }
        if (body.has("retryType")) {
            String retry = Json.text(body, "retryType");
            if (!"circuit-breaker".equals(retry) && !"exponential".equals(retry)) {
                throw DailyErrors.invalid("retryType must be circuit-breaker or exponential");
            }
            hook.retryType = retry;
        }
        if (body.has("eventTypes")) {
            hook.eventTypes = eventTypes(body.get("eventTypes"));
        }
    }

    private static String url(String url) {
        try {
            URI uri = URI.create(url == null ? "" : url);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw DailyErrors.invalid("url must be an http(s) URL");
            }
            return url;
        } catch (IllegalArgumentException e) {
            throw DailyErrors.invalid("url must be an http(s) URL");
        }
    }

    private static List<String> eventTypes(JsonNode node) {
        if (!node.isArray()) {
            throw DailyErrors.invalid("eventTypes must be an array");
        }
        List<String> types = new ArrayList<>();
        for (JsonNode type : node) {
            if (!type.isTextual() || !EVENT_TYPES.contains(type.asText())) {
                throw DailyErrors.invalid("unknown event type: " + type);
            }
            types.add(type.asText());
        }
        return List.copyOf(types);
    }

    private void probe(WebhookSubscription hook) {
        int status = dispatcher.sendSigned(hook.url, hook.hmac, "X-Webhook", false, hook.basicAuth,
                Json.bytes(Json.object().put("test", true)));
        if (status < 200 || status >= 300) {
            throw DailyErrors.invalid("the webhook URL did not answer the verification request with 200"
                    + (status == 0 ? " (unreachable)" : " (answered " + status + ")"));
        }
    }
}
