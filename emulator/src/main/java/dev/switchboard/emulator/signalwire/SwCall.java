package dev.switchboard.emulator.signalwire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.ApiRequest;
import dev.switchboard.emulator.server.Json;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/** One authenticated SignalWire request: the caller's project, path parameters and the whole state. */
record SwCall(ApiRequest request, SwProject project, Map<String, String> params, SwState state) {

    String param(String name) {
        return params.get(name);
    }

    /** A query parameter; blank counts as absent. */
    String query(String name) {
        String value = request.query().get(name);
        return value == null || value.isBlank() ? null : value;
    }

    Instant now() {
        return state.now();
    }

    /** {@code http://host:port}, from the Host header, for the absolute links of Relay REST paging. */
    String origin() {
        String host = request.header("Host");
        return "http://" + (host == null ? "127.0.0.1" : host);
    }

    /** The JSON object body; an empty body reads as {@code {}}; anything else is a 400. */
    ObjectNode body() {
        if (!request.hasBody()) {
            return Json.object();
        }
        JsonNode node;
        try {
            node = Json.parse(request.body());
        } catch (IOException e) {
            throw SwErrors.badRequest("The request body is not valid JSON");
        }
        if (!(node instanceof ObjectNode object)) {
            throw SwErrors.badRequest("The request body must be a JSON object");
        }
        return object;
    }

    /**
     * The form-encoded body of a LaML request ({@code application/x-www-form-urlencoded}, first value of each
     * name), as Twilio-style clients send it; an empty body reads as no parameters.
     */
    Map<String, String> form() {
        if (!request.hasBody()) {
            return Map.of();
        }
        return ApiRequest.parseQuery(new String(request.body(), java.nio.charset.StandardCharsets.UTF_8).strip());
    }

    /** A string field of the body; absent or null gives null; another type is a 422. */
    static String string(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw SwErrors.invalid(humanize(field) + " must be a string");
        }
        return value.asText();
    }

    /** {@code first_name} to {@code First name}, as Rails words its validation messages. */
    static String humanize(String field) {
        String words = field.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
