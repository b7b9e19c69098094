package dev.switchboard.signalwire.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.signalwire.PhoneNumberUpdate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bulk update: the wanted values (real wire names), how the numbers were chosen, and per number only the
 * fields that differ. Numbers already up to date are left out. Stored as the journal's first record.
 */
public record UpdatePlan(Map<String, String> wanted, String selection, List<PlannedUpdate> updates) {
    public UpdatePlan {
        wanted = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(wanted));
        updates = List.copyOf(updates);
    }

    public PhoneNumberUpdate wantedUpdate() {
        return PhoneNumberUpdate.fromWire(wanted);
    }

    ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode().put("kind", "signalwire-update").put("selection", selection);
        root.set("wanted", map(wanted));
        ArrayNode items = root.putArray("updates");
        updates.forEach(u -> items.addObject().put("id", u.numberId()).put("number", u.number())
                .set("changes", map(u.changes())));
        return root;
    }

    static UpdatePlan fromJson(JsonNode node) {
        if (!"signalwire-update".equals(node.path("kind").asText())) {
            throw new IllegalArgumentException("the journal does not hold a SignalWire update plan");
        }
        List<PlannedUpdate> updates = new ArrayList<>();
        node.path("updates").forEach(u -> updates.add(new PlannedUpdate(u.path("id").asText(), u.path("number").asText(),
                unmap(u.path("changes")))));
        return new UpdatePlan(unmap(node.path("wanted")), node.path("selection").asText(), updates);
    }

    private static ObjectNode map(Map<String, String> values) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        values.forEach((name, value) -> {
            if (value == null) {
                node.putNull(name);
            } else {
                node.put(name, value);
            }
        });
        return node;
    }

    private static Map<String, String> unmap(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        node.properties().forEach(field -> values.put(field.getKey(), field.getValue().isNull() ? null
                : field.getValue().asText()));
        return values;
    }
}
