package dev.switchboard.daily.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.daily.PurchasedNumber;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the source domain holds for one plan entry: the number (null for SIP-only), the config that routes
 * it (modern wins over legacy) and any overridden legacy duplicates. Planning stores its
 * {@link #fingerprint()}; apply recomputes it from live state to detect a stale plan.
 */
public record Observation(PurchasedNumber number, ObservedConfig main, List<ObservedConfig> duplicates) {
    public Observation {
        duplicates = List.copyOf(duplicates);
    }

    /** The number's state on {@code source} (empty when the domain does not own it). */
    public static Optional<Observation> forNumber(DomainInventory source, String e164) {
        return source.number(e164).map(number -> {
            Optional<ObservedConfig> main = source.effectiveConfig(e164);
            List<ObservedConfig> rest = source.configsFor(e164).stream()
                    .filter(config -> main.isEmpty() || config != main.get()).toList();
            return new Observation(number, main.orElse(null), rest);
        });
    }

    /**
     * A SIP-only config on {@code source}: a modern one by id, a legacy one by its hmac (its sip_uri may
     * change whenever the legacy array is rewritten).
     */
    public static Optional<Observation> forSipOnly(DomainInventory source, SourceKind kind, String configId,
                                                   PlannedConfig planned) {
        return source.sipOnlyConfigs().stream()
                .filter(config -> config.kind() == kind && (kind == SourceKind.DOMAIN_DIALIN_CONFIG
                        ? config.configId().equals(configId)
                        : planned.sameHmac(config.config().hmac())))
                .findFirst().map(config -> new Observation(null, config, List.of()));
    }

    /**
     * A digest of everything apply relies on: ids, locations and every config field (hmac included), except
     * the sip_uri of SIP-only legacy entries, which Daily may reassign whenever the array is rewritten.
     */
    public String fingerprint() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("number", number == null ? null : number.number());
        node.put("phone_id", number == null ? null : number.id());
        node.set("main", main == null ? null : describe(main));
        ArrayNode rest = node.putArray("duplicates");
        duplicates.forEach(config -> rest.add(describe(config)));
        return "sha256:" + sha256(canonical(node));
    }

    private static ObjectNode describe(ObservedConfig config) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("kind", config.kind().wireName());
        node.put("config_id", config.configId());
        ObjectNode fields = config.config().toJson();
        if (config.kind().isLegacy() && config.phoneNumber() == null) {
            fields.remove("sip_uri");
        }
        node.set("config", fields);
        return node;
    }

    /** JSON with object keys sorted at every level, so the digest does not depend on field order. */
    static String canonical(JsonNode node) {
        if (node.isObject()) {
            Map<String, String> sorted = new TreeMap<>();
            node.properties().forEach(field -> sorted.put(field.getKey(), canonical(field.getValue())));
            StringBuilder out = new StringBuilder("{");
            sorted.forEach((key, value) -> out.append(JsonNodeFactory.instance.textNode(key)).append(':')
                    .append(value).append(','));
            return out.append('}').toString();
        }
        if (node.isArray()) {
            StringBuilder out = new StringBuilder("[");
            node.forEach(item -> out.append(canonical(item)).append(','));
            return out.append(']').toString();
        }
        return node.toString();
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
