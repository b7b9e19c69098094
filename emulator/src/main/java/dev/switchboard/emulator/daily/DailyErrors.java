package dev.switchboard.emulator.daily;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.ApiException;
import dev.switchboard.emulator.server.ApiResponse;
import dev.switchboard.emulator.server.Json;

/** Daily's error answers: {@code {"error": <stable type>, "info": <text>}} unless noted. */
final class DailyErrors {
    private DailyErrors() {
    }

    static ApiException error(int status, String type, String info) {
        return new ApiException(ApiResponse.json(status, body(type, info)));
    }

    static ObjectNode body(String type, String info) {
        return Json.object().put("error", type).put("info", info);
    }

    static ApiException invalid(String info) {
        return error(400, "invalid-request-error", info);
    }

    static ApiException validation(String info) {
        return error(400, "validation-error", info);
    }

    static ApiException notFound(String info) {
        return error(404, "not-found", info);
    }

    /** The buy-phone-number 422: the carrier's error format passed through. */
    static ApiException numberUnavailable(String detail) {
        ObjectNode body = Json.object();
        body.putArray("errors").addObject().put("detail", detail).put("status", "422")
                .put("title", "Invalid Attribute").put("code", "422");
        body.put("status", 422);
        return new ApiException(ApiResponse.json(422, body));
    }
}
