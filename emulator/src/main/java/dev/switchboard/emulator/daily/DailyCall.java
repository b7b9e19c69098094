package dev.switchboard.emulator.daily;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.ApiRequest;
import dev.switchboard.emulator.server.Json;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/** One authenticated Daily request: the caller's domain, path parameters and the whole state. */
record DailyCall(ApiRequest request, DailyDomain domain, Map<String, String> params, DailyState state) {

    String param(String name) {
        return params.get(name);
    }

    String query(String name) {
        return Paging.blankToNull(request.query().get(name));
    }

    /** The JSON object body, rejecting fields outside {@code allowed} with 400 invalid-request-error. */
    ObjectNode body(Set<String> allowed) {
        ObjectNode body = body();
        for (String field : (Iterable<String>) body::fieldNames) {
            if (!allowed.contains(field)) {
                throw DailyErrors.invalid("unknown field: " + field);
            }
        }
        return body;
    }

    /** The JSON object body; an empty body reads as {@code {}}. */
    ObjectNode body() {
        if (!request.hasBody()) {
            return Json.object();
        }
        JsonNode node;
        try {
            node = Json.parse(request.body());
        } catch (IOException e) {
            throw DailyErrors.error(400, "json-parsing-error", "the request body is not valid JSON");
        }
        if (!(node instanceof ObjectNode object)) {
            throw DailyErrors.invalid("the request body must be a JSON object");
        }
        return object;
    }
}
