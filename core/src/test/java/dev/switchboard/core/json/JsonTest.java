package dev.switchboard.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {
    record Item(String name, int count) {
    }

    record Stamped(Instant at, Optional<String> note) {
    }

    @Test
    void prettyByDefaultCompactOnRequest() throws Exception {
        Item item = new Item("a", 2);
        assertThat(Json.mapper().writeValueAsString(item)).isEqualTo("{\n  \"name\" : \"a\",\n  \"count\" : 2\n}");
        assertThat(Json.compactWriter().writeValueAsString(item)).isEqualTo("{\"name\":\"a\",\"count\":2}");
    }

    @Test
    void ignoresUnknownPropertiesOfOurOwnFiles() throws Exception {
        assertThat(Json.mapper().readValue("{\"name\":\"a\",\"count\":2,\"addedLater\":true}", Item.class))
                .isEqualTo(new Item("a", 2));
    }

    @Test
    void rejectsTrailingTokensAndDuplicateKeys() {
        assertThatThrownBy(() -> Json.mapper().readValue("{\"name\":\"a\",\"count\":2} {}", Item.class))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> Json.mapper().readTree("{\"name\":\"a\",\"name\":\"b\"}"))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("Duplicate field 'name'");
    }

    @Test
    void writesTimeAsIsoStringsAndSupportsOptional() throws Exception {
        Stamped stamped = new Stamped(Instant.parse("2025-07-01T00:00:00Z"), Optional.of("x"));
        String json = Json.compactWriter().writeValueAsString(stamped);
        assertThat(json).isEqualTo("{\"at\":\"2025-07-01T00:00:00Z\",\"note\":\"x\"}");
        assertThat(Json.mapper().readValue(json, Stamped.class)).isEqualTo(stamped);
        assertThat(Json.mapper().readValue("{\"at\":\"2025-07-01T00:00:00Z\"}", Stamped.class).note()).isEmpty();
    }
}
