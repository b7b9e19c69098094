package dev.switchboard.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Daily's OpenAPI document, read from a file given at run time (never stored in the repository), and the
 * checks the conformance test needs: the documented responses of an operation, and whether a body fits
 * the schema for its status. Where the spec gives no schema, or one that declares no properties, the
 * body must instead have every field of the spec's example with the same JSON type ({@link #exampleShape}).
 */
final class DailyOpenApiSpec {
    /** The error schema the spec reuses for its 400 answers; used for statuses it documents nowhere. */
    static final String GENERIC_ERROR = "#/components/responses/400";

    private final Path source;
    private final JsonNode root;
    private final OpenApiSchemaValidator validator;

    private DailyOpenApiSpec(Path source, JsonNode root) {
        this.source = source;
        this.root = root;
        this.validator = new OpenApiSchemaValidator(root);
    }

    static DailyOpenApiSpec load(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        if (!root.path("openapi").asText().startsWith("3.0")) {
            throw new IllegalStateException(file + " is not an OpenAPI 3.0 document");
        }
        return new DailyOpenApiSpec(file, root);
    }

    Path source() {
        return source;
    }

    /** Documented status codes of {@code METHOD /path} (spec path template, e.g. {@code /domain-dialin-config/{id}}). */
    TreeSet<Integer> documentedStatuses(String method, String path) {
        TreeSet<Integer> statuses = new TreeSet<>();
        operation(method, path).path("responses").fieldNames().forEachRemaining(s -> statuses.add(Integer.parseInt(s)));
        return statuses;
    }

    /** The response object for a documented status (its {@code $ref} followed), or empty. */
    Optional<JsonNode> response(String method, String path, int status) {
        JsonNode response = operation(method, path).path("responses").path(String.valueOf(status));
        return response.isMissingNode() ? Optional.empty() : Optional.of(validator.resolve(response));
    }

    JsonNode genericErrorResponse() {
        return root.at(GENERIC_ERROR.substring(1));
    }

    /** Every way {@code body} breaks the documented response; the caller decides which are known deviations. */
    List<OpenApiSchemaValidator.Violation> check(JsonNode response, JsonNode body) {
        if (!response.has("content")) {
            return List.of(); // a bare description (DELETE /webhooks/{id} 200): nothing documented to check
        }
        JsonNode media = response.path("content").path("application/json");
        JsonNode schema = media.get("schema");
        List<OpenApiSchemaValidator.Violation> violations = new ArrayList<>();
        if (schema != null) {
            violations.addAll(validator.validate(body, schema));
        }
        if (schema == null || declaresNothing(validator.resolve(schema))) {
            Map<String, JsonNode> examples = examples(media);
            if (examples.isEmpty()) {
                throw new IllegalStateException("the spec gives neither a schema nor an example: " + response);
            }
            violations.addAll(exampleShape(body, examples.values().iterator().next(), ""));
        }
        return violations;
    }

    /** The examples of a media type by name: {@code examples.*.value}, then the schema's {@code x-examples}. */
    Map<String, JsonNode> examples(JsonNode media) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        media.path("examples").properties().forEach(e -> found.put(e.getKey(), e.getValue().path("value")));
        JsonNode schema = media.has("schema") ? validator.resolve(media.get("schema")) : null;
        if (schema != null) {
            schema.path("x-examples").properties().forEach(e -> found.put("x-examples/" + e.getKey(), e.getValue()));
        }
        return found;
    }

    OpenApiSchemaValidator validator() {
        return validator;
    }

    JsonNode operation(String method, String path) {
        JsonNode operation = root.path("paths").path(path).path(method.toLowerCase(java.util.Locale.ROOT));
        if (operation.isMissingNode()) {
            throw new IllegalArgumentException("the spec has no operation " + method + " " + path);
        }
        return operation;
    }

    /** True for a schema that constrains nothing beyond "an object" (e.g. {@code {type: object, properties: {}}}). */
    private static boolean declaresNothing(JsonNode schema) {
        return schema.path("properties").isEmpty() && !schema.has("items") && !schema.has("required")
                && !schema.has("additionalProperties") && !schema.has("allOf") && !schema.has("anyOf")
                && !schema.has("oneOf") && !schema.has("enum");
    }

    /**
     * Every field of the example must be present with the same JSON type (integers must stay integers; a
     * null in the example allows anything); arrays are compared item by item against the example's first
     * item. Fields the example lacks are allowed.
     */
    static List<OpenApiSchemaValidator.Violation> exampleShape(JsonNode actual, JsonNode example, String pointer) {
        List<OpenApiSchemaValidator.Violation> out = new ArrayList<>();
        if (example.isNull()) {
            return out;
        }
        if (!sameKind(actual, example)) {
            out.add(new OpenApiSchemaValidator.Violation(pointer, "the spec's example has " + withArticle(kind(example))
                    + " here, the response " + withArticle(kind(actual))));
            return out;
        }
        if (example.isObject()) {
            example.properties().forEach(field -> {
                if (!actual.has(field.getKey())) {
                    out.add(new OpenApiSchemaValidator.Violation(pointer, "missing property " + field.getKey()
                            + " (present in the spec's example)"));
                } else {
                    out.addAll(exampleShape(actual.get(field.getKey()), field.getValue(), pointer + "/" + field.getKey()));
                }
            });
        } else if (example.isArray() && !example.isEmpty()) {
            for (int i = 0; i < actual.size(); i++) {
                out.addAll(exampleShape(actual.get(i), example.get(0), pointer + "/" + i));
            }
        }
        return out;
    }

    private static boolean sameKind(JsonNode actual, JsonNode example) {
        return kind(actual).equals(kind(example));
    }

    private static String withArticle(String kind) {
        return ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
    }

    private static String kind(JsonNode node) {
        if (node.isIntegralNumber()) {
            return "integer";
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
