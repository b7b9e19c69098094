package dev.switchboard.emulator.daily;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.EmulatedClock;
import dev.switchboard.emulator.server.Json;
import java.math.BigDecimal;

/**
 * Turns domain events into Daily's envelope ({@code version, type, id, payload, event_ts}) and queues one signed
 * delivery per active subscription that wants the type. Called under the provider's lock, so ids are ordered.
 */
final class DailyEvents {
    private final WebhookDispatcher dispatcher;
    private final EmulatedClock clock;
    private long counter;

    DailyEvents(WebhookDispatcher dispatcher, EmulatedClock clock) {
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** Payload {@code timestamp} as Daily's examples write it: epoch seconds in a string. */
    String timestamp() {
        return String.valueOf(clock.now().getEpochSecond());
    }

    void emit(DailyDomain domain, String type, String subject, ObjectNode payload) {
        String id = ++counter + "-" + type.replace('.', '-') + "-" + subject;
        ObjectNode envelope = Json.object();
        envelope.put("version", "1.0.0").put("type", type).put("id", id);
        envelope.set("payload", payload);
        envelope.put("event_ts", BigDecimal.valueOf(clock.now().toEpochMilli()).movePointLeft(3));
        byte[] body = Json.bytes(envelope);
        for (WebhookSubscription hook : domain.webhooks.values()) {
            if (hook.wants(type) && hook.active()) {
                dispatcher.enqueue(new WebhookDispatcher.Delivery(hook, hook.url, hook.hmac, hook.basicAuth, type, id,
                        body));
            }
        }
    }
}
