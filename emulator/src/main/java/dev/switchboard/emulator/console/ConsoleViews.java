package dev.switchboard.emulator.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.EmulatorCore;
import dev.switchboard.emulator.server.FaultInjector;
import dev.switchboard.emulator.server.FaultRule;
import dev.switchboard.emulator.server.Json;
import dev.switchboard.emulator.server.Provider;
import dev.switchboard.emulator.server.RateLimiter;
import java.util.List;
import java.util.Map;

/**
 * The read-only JSON views the console reads, each free of keys and secrets: the masked state with what is live,
 * the fault rules (keys as fingerprints, with ids to remove them by), and each key's rate-limit use.
 */
final class ConsoleViews {
    private final EmulatorCore core;

    ConsoleViews(EmulatorCore core) {
        this.core = core;
    }

    /** The masked state document plus {@code live} (per provider) and {@code keys} (fingerprint and owner). */
    ObjectNode state() {
        ObjectNode dump = core.dumpState();
        ObjectNode view = Secrets.maskState(dump);
        view.set("clock", clock());
        ObjectNode live = view.putObject("live");
        for (Provider provider : core.providers()) {
            JsonNode providerLive = provider.liveState();
            if (providerLive != null) {
                live.set(provider.name(), providerLive);
            }
        }
        ArrayNode keys = view.putArray("keys");
        Secrets.owners(dump).values().forEach(owner -> keys.add(owner.toJson()));
        return view;
    }

    ObjectNode clock() {
        return Json.object().put("now", core.clock().now().toString()).put("ticking", core.clock().ticking());
    }

    ObjectNode faults() {
        Map<String, Secrets.KeyOwner> owners = owners();
        ObjectNode result = Json.object();
        ArrayNode rules = result.putArray("rules");
        for (FaultInjector.NumberedRule numbered : core.faults().numberedRules()) {
            ObjectNode rule = numbered.rule().toJson();
            rule.remove("api_key");
            String apiKey = numbered.rule().apiKey();
            String fingerprint = apiKey == null ? null : dev.switchboard.emulator.server.RequestLog.fingerprint(apiKey);
            Secrets.KeyOwner owner = fingerprint == null ? null : owners.get(fingerprint);
            rule.put("key_fingerprint", fingerprint).put("owner", owner == null ? null : owner.label());
            rules.add(Json.object().put("id", numbered.id()).setAll(rule));
        }
        return result;
    }

    /**
     * Adds rules given in the fault-file format, except that a rule names its key by {@code key_fingerprint}
     * (one the emulator knows) instead of {@code api_key}. All rules are checked before any is added.
     */
    void addFaults(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("fault rules must be a JSON object");
        }
        List<JsonNode> given = body.has("rules") ? List.copyOf(toList(body.get("rules"))) : List.of(body);
        Map<String, Secrets.KeyOwner> owners = owners();
        List<FaultRule> rules = given.stream().map(node -> {
            if (!node.isObject()) {
                throw new IllegalArgumentException("a fault rule must be a JSON object");
            }
            if (node.has("api_key")) {
                throw new IllegalArgumentException("the console names keys by key_fingerprint, never by api_key");
            }
            ObjectNode copy = ((ObjectNode) node).deepCopy();
            String fingerprint = Json.text(copy, "key_fingerprint");
            copy.remove(List.of("key_fingerprint", "owner", "id"));
            if (fingerprint != null && !fingerprint.isBlank()) {
                Secrets.KeyOwner owner = owners.get(fingerprint);
                if (owner == null) {
                    throw new IllegalArgumentException("no key has the fingerprint " + fingerprint);
                }
                copy.put("api_key", owner.credential());
            }
            return FaultRule.fromJson(copy);
        }).toList();
        rules.forEach(core.faults()::add);
    }

    boolean removeFault(long id) {
        return core.faults().remove(id);
    }

    ObjectNode rateLimits() {
        Map<String, Secrets.KeyOwner> owners = owners();
        ObjectNode result = core.rateLimiter().limits().toJson();
        ArrayNode usage = result.putArray("usage");
        for (RateLimiter.Usage use : core.rateLimiter().usage()) {
            Secrets.KeyOwner owner = owners.get(use.keyFingerprint());
            ObjectNode node = usage.addObject().put("key_fingerprint", use.keyFingerprint())
                    .put("owner", owner == null ? null : owner.label()).put("class", use.rateClass());
            ArrayNode windows = node.putArray("windows");
            use.windows().forEach(w -> windows.addObject().put("limit", w.limit())
                    .put("window_ms", w.period().toMillis()).put("used", w.used()));
        }
        return result;
    }

    private Map<String, Secrets.KeyOwner> owners() {
        return Secrets.owners(core.dumpState());
    }

    private static List<JsonNode> toList(JsonNode array) {
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("rules must be an array");
        }
        List<JsonNode> list = new java.util.ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
