package dev.switchboard.emulator.daily;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.Json;
import java.util.List;
import java.util.Locale;

/** What the state document leaves out, for the web console: live and held calls per domain, webhook deliveries. */
final class DailyLiveView {
    /** The console shows the most recent deliveries only. */
    static final int DELIVERIES_SHOWN = 200;

    private DailyLiveView() {
    }

    static ObjectNode of(DailyState state, List<WebhookDispatcher.DeliveryAttempt> attempts) {
        ObjectNode root = Json.object();
        ObjectNode domains = root.putObject("domains");
        for (DailyDomain domain : state.domains()) {
            ObjectNode node = domains.putObject(domain.name);
            ArrayNode calls = node.putArray("calls");
            domain.sessions.values().forEach(s -> calls.addObject().put("session_id", s.sessionId())
                    .put("room", s.room()).put("direction", s.direction().name().toLowerCase(Locale.ROOT))
                    .put("remote", s.remote()).put("daily_number", s.dailyNumber())
                    .put("joined_at", DailyTime.format(s.joinedAt())));
            ArrayNode held = node.putArray("held_calls");
            domain.heldCalls.values().forEach(c -> held.addObject().put("call_id", c.callId())
                    .put("from", c.from()).put("to", c.to()));
        }
        ArrayNode deliveries = root.putArray("webhook_deliveries");
        attempts.subList(Math.max(0, attempts.size() - DELIVERIES_SHOWN), attempts.size())
                .forEach(a -> deliveries.addObject().put("webhook_uuid", a.webhookUuid()).put("event_type", a.eventType())
                        .put("event_id", a.eventId()).put("status", a.status()));
        root.put("webhook_deliveries_total", attempts.size());
        return root;
    }
}
