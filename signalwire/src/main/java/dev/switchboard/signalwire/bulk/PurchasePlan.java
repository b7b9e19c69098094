package dev.switchboard.signalwire.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The numbers a bulk purchase buys, in order, each with its name. Stored as the journal's first record. */
public record PurchasePlan(List<PlannedPurchase> purchases) {
    public PurchasePlan {
        purchases = List.copyOf(purchases);
        if (purchases.isEmpty()) {
            throw new IllegalArgumentException("a purchase plan needs at least one number");
        }
        Set<String> seen = new HashSet<>();
        for (PlannedPurchase purchase : purchases) {
            if (!seen.add(purchase.number())) {
                throw new IllegalArgumentException("the purchase plan lists " + purchase.number() + " twice");
            }
        }
    }

    ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode().put("kind", "signalwire-purchase");
        ArrayNode items = root.putArray("purchases");
        purchases.forEach(p -> items.addObject().put("number", p.number()).put("name", p.name()));
        return root;
    }

    static PurchasePlan fromJson(JsonNode node) {
        if (!"signalwire-purchase".equals(node.path("kind").asText())) {
            throw new IllegalArgumentException("the journal does not hold a SignalWire purchase plan");
        }
        List<PlannedPurchase> purchases = new ArrayList<>();
        node.path("purchases").forEach(p -> purchases.add(new PlannedPurchase(p.path("number").asText(),
                p.path("name").asText())));
        return new PurchasePlan(purchases);
    }
}
