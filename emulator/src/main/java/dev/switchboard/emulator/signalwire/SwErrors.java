package dev.switchboard.emulator.signalwire;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.ApiException;
import dev.switchboard.emulator.server.ApiResponse;
import dev.switchboard.emulator.server.Json;

/**
 * SignalWire's error answers. Relay REST: {@code {"errors":[{"detail","status","title","code"}]}} with
 * string status and code (the code repeats the status, as in every captured response, unless a documented
 * symbolic code applies). LaML: flat {@code {"code","message","more_info","status"}} with a string code.
 * 401 and 404 use {@code {"error": "..."}} (the spec's generic model; the real front door answers 401 in
 * plain text, which this server cannot send).
 */
final class SwErrors {
    static final String INVALID_ATTRIBUTE = "Invalid Attribute";
    private static final String MORE_INFO = "https://developer.signalwire.com/compatibility-api/reference/error-codes";

    private SwErrors() {
    }

    static ObjectNode relayBody(int status, String detail, String title, String code) {
        ObjectNode body = Json.object();
        body.putArray("errors").addObject().put("detail", detail).put("status", String.valueOf(status))
                .put("title", title).put("code", code);
        return body;
    }

    /** A 422 "Invalid Attribute" whose code repeats the status. */
    static ApiException invalid(String detail) {
        return relay(422, detail, INVALID_ATTRIBUTE, "422");
    }

    /** A 422 with a documented symbolic code (e.g. {@code page_token_required}). */
    static ApiException invalid(String detail, String code) {
        return relay(422, detail, INVALID_ATTRIBUTE, code);
    }

    static ApiException relay(int status, String detail, String title, String code) {
        return new ApiException(ApiResponse.json(status, relayBody(status, detail, title, code)));
    }

    /** Several 422 details at once (address validation). */
    static ApiException invalidAll(Iterable<String> details, ArrayNode candidates) {
        ObjectNode body = Json.object();
        ArrayNode errors = body.putArray("errors");
        details.forEach(detail -> errors.addObject().put("detail", detail).put("status", "422")
                .put("title", INVALID_ATTRIBUTE).put("code", "422"));
        if (candidates != null && !candidates.isEmpty()) {
            body.set("candidates", candidates);
        }
        return new ApiException(ApiResponse.json(422, body));
    }

    static ApiException badRequest(String detail) {
        return relay(400, detail, "Bad Request", "400");
    }

    static ApiException notFound() {
        return new ApiException(ApiResponse.json(404, Json.object().put("error", "Not Found")));
    }

    static ApiException unauthorized() {
        return new ApiException(ApiResponse.json(401, Json.object().put("error", "Unauthorized")));
    }

    static ObjectNode lamlBody(int status, String code, String message) {
        return Json.object().put("code", code).put("message", message).put("more_info", MORE_INFO).put("status", status);
    }

    /** The LaML 404 for a path (an unknown resource, or another project's account). */
    static ApiException lamlNotFound(String path) {
        return laml(404, "20404", "The requested resource " + path + " was not found");
    }

    static ApiException laml(int status, String code, String message) {
        return new ApiException(ApiResponse.json(status, lamlBody(status, code, message)));
    }
}
