package dev.switchboard.daily.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random edits of a valid plan, as a person (or a broken tool) might make them: values edited, types changed,
 * fields removed or added, entries duplicated, renamed or dropped, bytes garbled. Driven by one seeded
 * {@link Random}, so a case is reproduced from its seed alone.
 */
final class PlanMutations {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> TEXTS = List.of("", " ", "ftp://x", "https://", "https://agents.example.com/v2",
            "http://127.0.0.1:9/dial", "hooks.example.com/dial", "dailybots", "not base64!", "c2VjcmV0", "QUFB".repeat(100),
            "x\u0000y", "agent\u001b[31m", "line\nbreak", "+14155550101", "+1 (415) 555-0101", "+14155550199",
            "+16175550201", "+1415555", "root-pinless", "root-pin", "domain-dialin-config", "pin_dialin",
            "pinless_dialin", "sha256:00", "émoji ☎", "n".repeat(200), "https://a.example/" + "p".repeat(2100));
    private static final List<String> FIELD_NAMES = List.of("hmac", "ivr_greeting", "room_creation_api",
            "hold_music_url", "timeout_config", "name_prefix", "phone_number", "type", "sip_uri", "note",
            "legacy_duplicates", "fingerprint", "config_id", "src_type", "source_phone_id", "target_room_creation_api",
            "source_room_creation_api", "future_setting");

    /** What was done to the plan, for the failure message. */
    record Mutated(byte[] bytes, List<String> edits) {
    }

    private final Random random;

    PlanMutations(Random random) {
        this.random = random;
    }

    /**
     * Two to four entries of {@code plan} (a smaller plan applies faster; which ones varies with the seed), then one
     * to three structural edits, sometimes followed by garbled bytes.
     */
    Mutated mutate(ObjectNode plan) {
        ObjectNode tree = plan.deepCopy();
        List<String> edits = new ArrayList<>();
        ObjectNode entries = entries(tree);
        List<String> keys = keys(entries);
        java.util.Collections.shuffle(keys, random);
        int keep = Math.min(keys.size(), 2 + random.nextInt(3));
        keys.subList(keep, keys.size()).forEach(entries::remove);
        edits.add("kept " + keys.subList(0, keep));
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            edits.add(edit(tree));
        }
        byte[] bytes = tree.toPrettyString().getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(8) == 0) {
            bytes = garble(bytes, edits);
        }
        return new Mutated(bytes, edits);
    }

    private String edit(ObjectNode root) {
        ObjectNode entries = entries(root);
        return switch (random.nextInt(8)) {
            case 0 -> editValue(root);
            case 1 -> changeType(root);
            case 2 -> removeField(root);
            case 3 -> addField(root);
            case 4 -> duplicateEntry(entries);
            case 5 -> dropEntry(entries);
            case 6 -> renameEntry(entries);
            default -> editConfigValue(entries);
        };
    }

    private static ObjectNode entries(ObjectNode root) {
        return root.get("entries") instanceof ObjectNode entries ? entries : root;
    }

    private String editValue(ObjectNode root) {
        Slot slot = pick(root, true);
        if (slot == null) {
            return "nothing to edit";
        }
        String value = TEXTS.get(random.nextInt(TEXTS.size()));
        slot.set(NODES.textNode(value));
        return "set " + slot + " to '" + value + "'";
    }

    /** Most hand edits touch config_data: give it a higher share. */
    private String editConfigValue(ObjectNode entries) {
        List<ObjectNode> configs = new ArrayList<>();
        entries.forEach(entry -> {
            if (entry.get("config_data") instanceof ObjectNode config) {
                configs.add(config);
            }
        });
        if (configs.isEmpty()) {
            return "no config to edit";
        }
        ObjectNode config = configs.get(random.nextInt(configs.size()));
        String field = FIELD_NAMES.get(random.nextInt(FIELD_NAMES.size()));
        String value = TEXTS.get(random.nextInt(TEXTS.size()));
        config.put(field, value);
        return "set config_data." + field + " to '" + value + "'";
    }

    private String changeType(ObjectNode root) {
        Slot slot = pick(root, false);
        if (slot == null) {
            return "nothing to retype";
        }
        JsonNode value = switch (random.nextInt(8)) {
            case 0 -> NODES.numberNode(0);
            case 1 -> NODES.numberNode(-1.5);
            case 2 -> NODES.booleanNode(true);
            case 3 -> NODES.nullNode();
            case 4 -> NODES.arrayNode().add("x");
            case 5 -> NODES.objectNode();
            case 6 -> NODES.objectNode().put("message", 5);
            default -> NODES.objectNode().put("message", "x");
        };
        slot.set(value);
        return "set " + slot + " to " + value;
    }

    private String removeField(ObjectNode root) {
        Slot slot = pick(root, false);
        if (slot == null || slot.parent instanceof ArrayNode) {
            return "nothing to remove";
        }
        ((ObjectNode) slot.parent).remove(slot.name);
        return "removed " + slot;
    }

    private String addField(ObjectNode root) {
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(root, objects);
        ObjectNode target = objects.get(random.nextInt(objects.size()));
        String name = FIELD_NAMES.get(random.nextInt(FIELD_NAMES.size()));
        JsonNode value = random.nextBoolean() ? NODES.textNode(TEXTS.get(random.nextInt(TEXTS.size())))
                : NODES.objectNode().put("message", "hello");
        target.set(name, value);
        return "added " + name + "=" + value;
    }

    private String duplicateEntry(ObjectNode entries) {
        List<String> keys = keys(entries);
        if (keys.isEmpty()) {
            return "no entry to duplicate";
        }
        String key = keys.get(random.nextInt(keys.size()));
        String copy = random.nextBoolean() ? "+1415555" + (1000 + random.nextInt(9000)) : key + " ";
        entries.set(copy, entries.get(key).deepCopy());
        return "duplicated " + key + " as '" + copy + "'";
    }

    private String dropEntry(ObjectNode entries) {
        List<String> keys = keys(entries);
        if (keys.size() < 2) {
            return "kept the last entry";
        }
        String key = keys.get(random.nextInt(keys.size()));
        entries.remove(key);
        return "dropped " + key;
    }

    private String renameEntry(ObjectNode entries) {
        List<String> keys = keys(entries);
        String key = keys.get(random.nextInt(keys.size()));
        String renamed = key.startsWith("+1") && key.length() == 12
                ? "+1 (" + key.substring(2, 5) + ") " + key.substring(5, 8) + "-" + key.substring(8)
                : key.toUpperCase(java.util.Locale.ROOT);
        JsonNode value = entries.remove(key);
        entries.set(renamed, value);
        return "renamed " + key + " to '" + renamed + "'";
    }

    private byte[] garble(byte[] bytes, List<String> edits) {
        int at = random.nextInt(bytes.length);
        switch (random.nextInt(3)) {
            case 0 -> bytes[at] = (byte) random.nextInt(256);
            case 1 -> bytes = splice(bytes, at, new byte[] {(byte) random.nextInt(256)}, 0);
            default -> bytes = splice(bytes, at, new byte[0], 1);
        }
        edits.add("garbled byte " + at);
        return bytes;
    }

    private static byte[] splice(byte[] bytes, int at, byte[] insert, int delete) {
        byte[] out = new byte[bytes.length + insert.length - delete];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(bytes, at + delete, out, at + insert.length, bytes.length - at - delete);
        return out;
    }

    private static List<String> keys(ObjectNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** A place in the tree holding a value: a field of an object or an item of an array. */
    private static final class Slot {
        final JsonNode parent;
        final String name;
        final int index;
        final String path;

        Slot(JsonNode parent, String name, int index, String path) {
            this.parent = parent;
            this.name = name;
            this.index = index;
            this.path = path;
        }

        void set(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(name, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        @Override
        public String toString() {
            return path;
        }
    }

    private Slot pick(ObjectNode root, boolean leavesOnly) {
        List<Slot> slots = new ArrayList<>();
        collectSlots(root, "", leavesOnly, slots);
        return slots.isEmpty() ? null : slots.get(random.nextInt(slots.size()));
    }

    private static void collectSlots(JsonNode node, String path, boolean leavesOnly, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> {
                String child = path + "/" + field.getKey();
                if (!leavesOnly || !field.getValue().isContainerNode()) {
                    slots.add(new Slot(object, field.getKey(), -1, child));
                }
                collectSlots(field.getValue(), child, leavesOnly, slots);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String child = path + "/" + i;
                if (!leavesOnly || !array.get(i).isContainerNode()) {
                    slots.add(new Slot(array, null, i, child));
                }
                collectSlots(array.get(i), child, leavesOnly, slots);
            }
        }
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        node.forEach(child -> collectObjects(child, objects));
    }

    /** The plan as Daily's original utility writes it: the entries alone, keyed by number, no fingerprints. */
    static ObjectNode flat(ObjectNode plan) {
        ObjectNode flat = Json.mapper().createObjectNode();
        plan.get("entries").properties().forEach(field -> {
            ObjectNode entry = ((ObjectNode) field.getValue()).deepCopy();
            entry.remove("fingerprint");
            entry.remove("legacy_duplicates");
            flat.set(field.getKey(), entry);
        });
        return flat;
    }
}
