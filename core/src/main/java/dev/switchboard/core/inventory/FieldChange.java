package dev.switchboard.core.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One field an action changes, as text to show: {@code before} or {@code after} null when the field is
 * added or removed. Secrets appear only as their name ({@code secret NAME}) or {@code (another value)}.
 */
public record FieldChange(String field, String before, String after) {
    public FieldChange {
        Objects.requireNonNull(field, "field");
    }

    /**
     * The fields that differ between two JSON objects, in the order they first appear ({@code after}'s fields
     * first). With {@code managedOnly}, a field {@code after} leaves out is not compared (it stays as it is).
     */
    public static List<FieldChange> between(ObjectNode before, ObjectNode after, boolean managedOnly) {
        Set<String> names = new LinkedHashSet<>();
        after.fieldNames().forEachRemaining(names::add);
        if (!managedOnly) {
            before.fieldNames().forEachRemaining(names::add);
        }
        List<FieldChange> changes = new ArrayList<>();
        for (String name : names) {
            JsonNode was = present(before.get(name));
            JsonNode will = present(after.get(name));
            if (managedOnly && will == null) {
                continue;
            }
            if (!Objects.equals(was, will)) {
                changes.add(new FieldChange(name, text(was), text(will)));
            }
        }
        return List.copyOf(changes);
    }

    /** Every field of {@code node} as added ({@code +}) or removed ({@code -}). */
    public static List<FieldChange> all(ObjectNode node, boolean added) {
        List<FieldChange> changes = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            JsonNode value = present(node.get(name));
            if (value != null) {
                changes.add(added ? new FieldChange(name, null, text(value)) : new FieldChange(name, text(value), null));
            }
        }
        return List.copyOf(changes);
    }

    private static JsonNode present(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    private static String text(JsonNode node) {
        return node == null ? null : node.toString();
    }
}
