package dev.switchboard.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Validates a JSON instance against an OpenAPI 3.0 schema object: {@code $ref} (local), {@code type},
 * {@code nullable}, {@code properties}, {@code required}, {@code additionalProperties}, {@code items},
 * {@code enum}, {@code minLength}/{@code maxLength}, {@code minimum}/{@code maximum}, {@code allOf}/
 * {@code anyOf}/{@code oneOf} and {@code format} ({@code date-time}, {@code uuid}, {@code int32},
 * {@code int64}). A keyword outside this set is an error rather than silently ignored, so the validator
 * can never pass a constraint it does not check.
 */
final class OpenApiSchemaValidator {
    /** One way the instance breaks the schema, at a JSON pointer into the instance. */
    record Violation(String pointer, String message) {
        @Override
        public String toString() {
            return (pointer.isEmpty() ? "/" : pointer) + ": " + message;
        }
    }

    private static final Set<String> ANNOTATIONS = Set.of("description", "example", "examples", "default", "title",
            "deprecated", "readOnly", "writeOnly", "externalDocs");
    private static final Set<String> CHECKED = Set.of("$ref", "type", "nullable", "properties", "required",
            "additionalProperties", "items", "enum", "minLength", "maxLength", "minimum", "maximum", "allOf", "anyOf",
            "oneOf", "format");

    private final JsonNode spec;

    OpenApiSchemaValidator(JsonNode spec) {
        this.spec = spec;
    }

    List<Violation> validate(JsonNode instance, JsonNode schema) {
        List<Violation> violations = new ArrayList<>();
        check(instance, schema, "", violations);
        return violations;
    }

    /** Follows a local {@code $ref} such as {@code #/components/schemas/x}. */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; current.has("$ref"); depth++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/") || depth > 20) {
                throw new IllegalStateException("unsupported or cyclic $ref " + ref);
            }
            JsonNode target = spec.at(ref.substring(1));
            if (target.isMissingNode()) {
                throw new IllegalStateException("dangling $ref " + ref);
            }
            current = target;
        }
        return current;
    }

    private void check(JsonNode instance, JsonNode rawSchema, String pointer, List<Violation> out) {
        JsonNode schema = resolve(rawSchema);
        for (Map.Entry<String, JsonNode> keyword : schema.properties()) {
            String name = keyword.getKey();
            if (!CHECKED.contains(name) && !ANNOTATIONS.contains(name) && !name.startsWith("x-")) {
                throw new IllegalStateException("schema keyword '" + name + "' at " + pointer + " is not supported");
            }
        }
        if (instance.isNull()) {
            if (!schema.path("nullable").asBoolean(false) && schema.has("type")) {
                out.add(new Violation(pointer, "null where the schema has type " + schema.get("type").asText()
                        + " without nullable"));
            }
            return;
        }
        if (schema.has("type") && !hasType(instance, schema.get("type").asText())) {
            out.add(new Violation(pointer, "expected " + schema.get("type").asText() + " but was "
                    + instance.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
            return;
        }
        checkEnum(instance, schema, pointer, out);
        checkString(instance, schema, pointer, out);
        checkNumber(instance, schema, pointer, out);
        checkObject(instance, schema, pointer, out);
        if (instance.isArray() && schema.has("items")) {
            for (int i = 0; i < instance.size(); i++) {
                check(instance.get(i), schema.get("items"), pointer + "/" + i, out);
            }
        }
        checkCombinations(instance, schema, pointer, out);
    }

    private static boolean hasType(JsonNode instance, String type) {
        return switch (type) {
            case "object" -> instance.isObject();
            case "array" -> instance.isArray();
            case "string" -> instance.isTextual();
            case "boolean" -> instance.isBoolean();
            case "integer" -> instance.isIntegralNumber();
            case "number" -> instance.isNumber();
            default -> throw new IllegalStateException("unknown schema type " + type);
        };
    }

    private static void checkEnum(JsonNode instance, JsonNode schema, String pointer, List<Violation> out) {
        if (schema.has("enum")) {
            for (JsonNode allowed : schema.get("enum")) {
                if (allowed.equals(instance)) {
                    return;
                }
            }
            out.add(new Violation(pointer, instance + " is not one of " + schema.get("enum")));
        }
    }

    private static void checkString(JsonNode instance, JsonNode schema, String pointer, List<Violation> out) {
        if (!instance.isTextual()) {
            return;
        }
        String text = instance.asText();
        int length = text.codePointCount(0, text.length());
        if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
            out.add(new Violation(pointer, "shorter than minLength " + schema.get("minLength").asInt()));
        }
        if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
            out.add(new Violation(pointer, "longer than maxLength " + schema.get("maxLength").asInt()));
        }
        String format = schema.path("format").asText("");
        if (format.equals("date-time") && !isDateTime(text)) {
            out.add(new Violation(pointer, "'" + text + "' is not an RFC 3339 date-time"));
        }
        if (format.equals("uuid") && !isUuid(text)) {
            out.add(new Violation(pointer, "'" + text + "' is not a UUID"));
        }
    }

    private static void checkNumber(JsonNode instance, JsonNode schema, String pointer, List<Violation> out) {
        if (!instance.isNumber()) {
            return;
        }
        if (schema.has("minimum") && instance.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
            out.add(new Violation(pointer, instance + " is below minimum " + schema.get("minimum")));
        }
        if (schema.has("maximum") && instance.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
            out.add(new Violation(pointer, instance + " is above maximum " + schema.get("maximum")));
        }
        String format = schema.path("format").asText("");
        if (format.equals("int32") && !(instance.isIntegralNumber() && instance.canConvertToInt())) {
            out.add(new Violation(pointer, instance + " is not an int32"));
        }
        if (format.equals("int64") && !(instance.isIntegralNumber() && instance.canConvertToLong())) {
            out.add(new Violation(pointer, instance + " is not an int64"));
        }
    }

    private void checkObject(JsonNode instance, JsonNode schema, String pointer, List<Violation> out) {
        if (!instance.isObject()) {
            return;
        }
        for (JsonNode required : schema.path("required")) {
            if (!instance.has(required.asText())) {
                out.add(new Violation(pointer, "missing required property " + required.asText()));
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        for (Map.Entry<String, JsonNode> field : instance.properties()) {
            String child = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
            if (properties.has(field.getKey())) {
                check(field.getValue(), properties.get(field.getKey()), child, out);
            } else if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
                out.add(new Violation(pointer, "property " + field.getKey() + " is not allowed"));
            } else if (additional != null && additional.isObject()) {
                check(field.getValue(), additional, child, out);
            }
        }
    }

    private void checkCombinations(JsonNode instance, JsonNode schema, String pointer, List<Violation> out) {
        for (JsonNode part : schema.path("allOf")) {
            check(instance, part, pointer, out);
        }
        if (schema.has("anyOf")) {
            long matching = countMatching(instance, schema.get("anyOf"), pointer);
            if (matching == 0) {
                out.add(new Violation(pointer, "matches none of anyOf"));
            }
        }
        if (schema.has("oneOf")) {
            long matching = countMatching(instance, schema.get("oneOf"), pointer);
            if (matching != 1) {
                out.add(new Violation(pointer, "matches " + matching + " of oneOf, not exactly one"));
            }
        }
    }

    private long countMatching(JsonNode instance, JsonNode alternatives, String pointer) {
        long matching = 0;
        for (JsonNode alternative : alternatives) {
            List<Violation> trial = new ArrayList<>();
            check(instance, alternative, pointer, trial);
            if (trial.isEmpty()) {
                matching++;
            }
        }
        return matching;
    }

    private static boolean isDateTime(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
