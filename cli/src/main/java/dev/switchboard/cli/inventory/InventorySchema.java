package dev.switchboard.cli.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.switchboard.core.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON Schema of the inventory file ({@code inventory.schema.json}, draft 2020-12), checked with
 * networknt's validator. Each problem becomes one line naming its path: {@code daily.numbers[3].number:
 * "+1415" is not an E.164 number}; the schema's {@code title}s supply the "what it should be".
 */
final class InventorySchema {
    static final String RESOURCE = "inventory.schema.json";
    private static final InventorySchema INSTANCE = new InventorySchema();

    private final String text;
    private final JsonNode tree;
    private final Schema schema;

    private InventorySchema() {
        try (InputStream in = InventorySchema.class.getResourceAsStream(RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            tree = Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text, InputFormat.JSON);
    }

    static InventorySchema get() {
        return INSTANCE;
    }

    /** The schema text, as shipped. */
    String text() {
        return text;
    }

    /** One line per problem of {@code document} (empty when it is valid), in document order. */
    List<String> problems(JsonNode document) {
        List<Error> errors = schema.validate(Json.mapper().valueToTree(document).toString(), InputFormat.JSON);
        List<String> lines = new ArrayList<>();
        for (Error error : errors) {
            String path = path(error.getInstanceLocation());
            String line = (path.isEmpty() ? "(top)" : path) + ": " + describe(error, document);
            if (!lines.contains(line)) {
                lines.add(line);
            }
        }
        return lines;
    }

    private String describe(Error error, JsonNode document) {
        String keyword = error.getKeyword();
        JsonNode value = at(document, error.getInstanceLocation());
        String title = title(error.getSchemaLocation().getFragment().toString());
        String shown = value == null ? "the value" : value.toString();
        return switch (keyword == null ? "" : keyword) {
            case "pattern", "enum", "const" -> shown + " is not " + (title != null ? title : "allowed here");
            case "type" -> shown + " is not " + (title != null ? title : "of type " + error.getArguments()[1]);
            case "additionalProperties" -> "unknown field \"" + error.getProperty() + "\"";
            case "required" -> "\"" + error.getProperty() + "\" is required";
            default -> stripPath(error.getMessage());
        };
    }

    /** The title of the schema holding the failed keyword ({@code /$defs/e164/pattern} → {@code /$defs/e164}). */
    private String title(String keywordPointer) {
        String pointer = keywordPointer.startsWith("#") ? keywordPointer.substring(1) : keywordPointer;
        int slash = pointer.lastIndexOf('/');
        if (slash < 0) {
            return null;
        }
        JsonNode title = tree.at(pointer.substring(0, slash)).get("title");
        return title == null ? null : title.asText();
    }

    private static JsonNode at(JsonNode document, NodePath path) {
        JsonNode node = document;
        for (int i = 0; i < path.getNameCount() && node != null; i++) {
            Object element = path.getElement(i);
            node = element instanceof Integer index ? node.get(index) : node.get(String.valueOf(element));
        }
        return node;
    }

    static String path(NodePath path) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (element instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                text.append(text.length() == 0 ? "" : ".").append(element);
            }
        }
        return text.toString();
    }

    private static String stripPath(String message) {
        return message.replaceFirst("^\\$[^:]*: ", "");
    }
}
