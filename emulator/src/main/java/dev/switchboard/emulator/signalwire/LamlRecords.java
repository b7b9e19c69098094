package dev.switchboard.emulator.signalwire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.Json;

import java.time.Instant;
import java.util.List;

/**
 * Builds the stored LaML call and message records from state-file or admin input: times in RFC 2822, the
 * account sid set to the project, {@code uri} filled in, missing sids generated.
 */
final class LamlRecords {
    /** The documented {@code direction} values of LaML calls and messages. */
    static final List<String> CALL_DIRECTIONS = List.of("inbound", "outbound-api", "outbound-dial");
    static final List<String> MESSAGE_DIRECTIONS = List.of("inbound", "outbound-api", "outbound-call", "outbound-reply");

    private LamlRecords() {
    }

    /** The record's direction (default {@code inbound}); a value outside the documented ones is refused. */
    private static String direction(JsonNode input, List<String> documented) {
        String direction = textOr(input, "direction", "inbound");
        if (!documented.contains(direction)) {
            throw new IllegalArgumentException("direction must be one of " + documented + ", got " + direction);
        }
        return direction;
    }

    static SwRecord call(SwState state, SwProject project, JsonNode input) {
        String sid = textOr(input, "sid", state.newId());
        Instant start = time(input, "start_time", state.now());
        Long duration = input.hasNonNull("duration") ? Long.valueOf(input.get("duration").asText().strip()) : null;
        Instant end = input.hasNonNull("end_time") ? SwTime.parse(input.get("end_time").asText(), "end_time")
                : duration == null ? null : start.plusSeconds(duration);
        ObjectNode node = Json.object().put("sid", sid).put("account_sid", project.projectId)
                .put("date_created", SwTime.rfc2822(start)).put("date_updated", SwTime.rfc2822(end == null ? start : end))
                .put("to", required(input, "to")).put("from", required(input, "from"))
                .put("status", textOr(input, "status", "completed"))
                .put("direction", direction(input, CALL_DIRECTIONS))
                .put("start_time", SwTime.rfc2822(start)).put("end_time", SwTime.rfc2822(end))
                .put("duration", duration)
                .put("api_version", "2010-04-01")
                .put("uri", LamlRoutes.PREFIX + project.projectId + "/Calls/" + sid + ".json");
        return new SwRecord(sid, project.register(sid), node, start);
    }

    static SwRecord message(SwState state, SwProject project, JsonNode input) {
        String sid = textOr(input, "sid", state.newId());
        Instant sent = time(input, "date_sent", state.now());
        ObjectNode node = Json.object().put("sid", sid).put("account_sid", project.projectId)
                .put("date_created", SwTime.rfc2822(sent)).put("date_sent", SwTime.rfc2822(sent))
                .put("to", required(input, "to")).put("from", required(input, "from"))
                .put("status", textOr(input, "status", "delivered"))
                .put("direction", direction(input, MESSAGE_DIRECTIONS))
                .put("body", textOr(input, "body", ""))
                .put("num_segments", textOr(input, "num_segments", "1"))
                .put("api_version", "2010-04-01")
                .put("uri", LamlRoutes.PREFIX + project.projectId + "/Messages/" + sid + ".json");
        return new SwRecord(sid, project.register(sid), node, sent);
    }

    private static Instant time(JsonNode input, String field, Instant fallback) {
        return input.hasNonNull(field) ? SwTime.parse(input.get(field).asText(), field) : fallback;
    }

    private static String required(JsonNode input, String field) {
        String value = Json.text(input, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a LaML record needs " + field);
        }
        return value;
    }

    private static String textOr(JsonNode input, String field, String fallback) {
        JsonNode value = input.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }
}
