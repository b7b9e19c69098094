package dev.switchboard.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The conformance test's validator, on a small hand-written spec (no Daily spec needed). */
class OpenApiSchemaValidatorTest {
    private static final JsonNode SPEC = tree("""
            {"components": {"schemas": {
              "config": {"type": "object", "required": ["type"], "properties": {
                "type": {"type": "string", "enum": ["pin_dialin", "pinless_dialin"]},
                "name": {"type": "string", "minLength": 1, "nullable": true}}},
              "wrapper": {"type": "object", "additionalProperties": false, "properties": {
                "id": {"type": "string", "format": "uuid"},
                "count": {"type": "integer", "format": "int32", "minimum": 0},
                "joined": {"type": "string", "format": "date-time"},
                "config": {"$ref": "#/components/schemas/config"},
                "tags": {"type": "array", "items": {"type": "string"}},
                "rooms": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "number"}}},
                "either": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
                "any": {"anyOf": [{"type": "boolean"}, {"type": "string", "maxLength": 2}]}}}}}}
            """);
    private static final JsonNode WRAPPER = tree("{\"$ref\": \"#/components/schemas/wrapper\"}");

    private final OpenApiSchemaValidator validator = new OpenApiSchemaValidator(SPEC);

    @Test
    void aConformingInstanceHasNoViolations() {
        JsonNode good = tree("""
                {"id": "0cb313e1-211f-4be0-833d-8c7305b19902", "count": 3, "joined": "2026-03-27T16:37:22.000Z",
                 "config": {"type": "pin_dialin", "name": null}, "tags": ["a"], "rooms": {"r": [1, 2.5]},
                 "either": 7, "any": "ok"}
                """);

        assertThat(validator.validate(good, WRAPPER)).isEmpty();
    }

    @Test
    void reportsEachBrokenConstraintAtItsPointer() {
        JsonNode bad = tree("""
                {"id": "not-a-uuid", "count": -1, "joined": "yesterday", "config": {"name": ""}, "tags": [1],
                 "rooms": {"r": ["x"]}, "either": true, "any": "too long", "extra": 1}
                """);

        assertThat(validator.validate(bad, WRAPPER)).extracting(OpenApiSchemaValidator.Violation::toString)
                .containsExactlyInAnyOrder(
                        "/id: 'not-a-uuid' is not a UUID",
                        "/count: -1 is below minimum 0",
                        "/joined: 'yesterday' is not an RFC 3339 date-time",
                        "/config: missing required property type",
                        "/config/name: shorter than minLength 1",
                        "/tags/0: expected string but was number",
                        "/rooms/r/0: expected number but was string",
                        "/either: matches 0 of oneOf, not exactly one",
                        "/any: matches none of anyOf",
                        "/: property extra is not allowed");
    }

    @Test
    void nullNeedsNullableAndEnumsAreExact() {
        JsonNode config = tree("{\"$ref\": \"#/components/schemas/config\"}");

        assertThat(validator.validate(tree("{\"type\": \"pinless\"}"), config)).extracting(Object::toString)
                .containsExactly("/type: \"pinless\" is not one of [\"pin_dialin\",\"pinless_dialin\"]");
        assertThat(validator.validate(tree("{\"type\": null}"), config)).extracting(Object::toString)
                .containsExactly("/type: null where the schema has type string without nullable");
        assertThat(validator.validate(tree("[]"), config)).extracting(Object::toString)
                .containsExactly("/: expected object but was array");
    }

    @Test
    void refusesKeywordsItDoesNotCheckAndDanglingReferences() {
        assertThatThrownBy(() -> validator.validate(tree("\"x\""), tree("{\"type\": \"string\", \"pattern\": \"y\"}")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'pattern'");
        assertThatThrownBy(() -> validator.validate(tree("1"), tree("{\"$ref\": \"#/components/schemas/none\"}")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("dangling");
    }

    @Test
    void theExampleShapeCheckNeedsEveryExampleFieldWithItsType() {
        JsonNode example = tree("{\"total_count\": 2, \"data\": [{\"id\": \"a\", \"pagination_id\": 3391, \"x\": null}]}");
        JsonNode actual = tree("{\"total_count\": 1, \"data\": [{\"pagination_id\": \"3391\", \"x\": 5, \"more\": 1}]}");

        List<OpenApiSchemaValidator.Violation> found = DailyOpenApiSpec.exampleShape(actual, example, "");

        assertThat(found).extracting(Object::toString).containsExactlyInAnyOrder(
                "/data/0: missing property id (present in the spec's example)",
                "/data/0/pagination_id: the spec's example has an integer here, the response a string");
        assertThat(DailyOpenApiSpec.exampleShape(example, example, "")).isEmpty();
    }

    private static JsonNode tree(String json) {
        try {
            return TestHttp.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
