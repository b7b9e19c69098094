package dev.switchboard.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A provider's answer: status, JSON body (null for an empty body) and extra headers. */
public record ApiResponse(int status, JsonNode body, Map<String, String> headers) {

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public static ApiResponse json(int status, JsonNode body) {
        return new ApiResponse(status, body, Map.of());
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(status, body, copy);
    }
}
