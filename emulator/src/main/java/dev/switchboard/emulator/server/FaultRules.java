package dev.switchboard.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads fault rules from a fault file or admin body: one rule object or {@code {"rules": [rule, ...]}}. */
public final class FaultRules {
    private FaultRules() {
    }

    public static List<FaultRule> parse(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("fault rules must be a JSON object");
        }
        if (!node.has("rules")) {
            return List.of(FaultRule.fromJson(node));
        }
        if (!node.get("rules").isArray()) {
            throw new IllegalArgumentException("rules must be an array");
        }
        List<FaultRule> rules = new ArrayList<>();
        node.get("rules").forEach(r -> rules.add(FaultRule.fromJson(r)));
        return rules;
    }

    public static List<FaultRule> read(Path file) throws IOException {
        return parse(Json.parse(Files.readString(file)));
    }
}
