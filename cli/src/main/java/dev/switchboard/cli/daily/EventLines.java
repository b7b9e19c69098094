package dev.switchboard.cli.daily;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** One readable line per Daily webhook event, with the fields that matter for its kind. */
final class EventLines {
    private EventLines() {
    }

    static String describe(JsonNode event) {
        String type = event.path("type").asText("?");
        JsonNode p = event.path("payload");
        StringBuilder line = new StringBuilder();
        JsonNode ts = event.get("event_ts");
        if (ts != null && ts.isNumber()) {
            line.append(Instant.ofEpochMilli(Math.round(ts.asDouble() * 1000))).append(' ');
        }
        line.append(type);
        field(line, "room", p.path("room"));
        field(line, "session", p.path("session_id"));
        if (type.startsWith("calltransfer.")) {
            field(line, "from", p.path("from_endpoint"));
            field(line, "to", p.path("to_endpoint"));
            field(line, "refer", p.path("is_sip_refer"));
        } else if (type.startsWith("dialin.")) {
            field(line, "from", p.path("sip_from"));
            field(line, "error", p.path("error_msg"));
        } else if (type.startsWith("dialout.")) {
            field(line, "to", p.path("destination"));
            field(line, "caller_id", p.path("caller_id"));
            field(line, "error", p.path("error_msg"));
        } else if (type.startsWith("participant.")) {
            field(line, "user", p.path("user_name"));
            field(line, "duration", p.path("duration"));
        }
        return line.toString();
    }

    private static void field(StringBuilder line, String name, JsonNode value) {
        if (!value.isMissingNode() && !value.isNull()) {
            line.append(' ').append(name).append('=').append(value.asText());
        }
    }
}
