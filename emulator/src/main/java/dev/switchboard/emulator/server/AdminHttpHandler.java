package dev.switchboard.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The admin HTTP API under {@code /__admin/}: reset, state load/dump, clock, faults, rate limits and the request
 * log. No auth; only loopback callers are served.
 */
final class AdminHttpHandler {
    private final EmulatorCore core;
    private final AdminExtension extension;

    AdminHttpHandler(EmulatorCore core, AdminExtension extension) {
        this.core = core;
        this.extension = extension;
    }

    void handle(HttpExchange exchange, String path, byte[] body) throws IOException {
        if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
            EmulatorServer.send(exchange, error(403, "forbidden", "the admin API answers loopback callers only"));
            return;
        }
        if (extension != null && extension.handle(exchange, path, body)) {
            return;
        }
        ApiResponse response;
        try {
            response = route(exchange.getRequestMethod(), path, body);
            if (extension != null && !"GET".equals(exchange.getRequestMethod()) && response.status() < 300) {
                extension.adminChanged(exchange.getRequestMethod() + " " + path);
            }
        } catch (IllegalArgumentException e) {
            response = error(400, "invalid-request", e.getMessage());
        } catch (RuntimeException e) {
            response = error(500, "server-error", e.getClass().getSimpleName());
        }
        EmulatorServer.send(exchange, response);
    }

    private ApiResponse route(String method, String path, byte[] body) {
        String route = method + " " + (path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
        switch (route) {
            case "POST /reset":
                core.reset();
                return ok();
            case "GET /state":
                return ApiResponse.json(200, core.dumpState());
            case "POST /state":
                core.loadState(parse(body));
                return ok();
            case "GET /requests":
                return ApiResponse.json(200, requests());
            case "DELETE /requests":
                core.requestLog().clear();
                return ok();
            case "GET /clock":
                return ApiResponse.json(200, clock());
            case "POST /clock":
                moveClock(parse(body));
                return ApiResponse.json(200, clock());
            case "GET /faults":
                return ApiResponse.json(200, faults());
            case "POST /faults":
                addFaults(parse(body));
                return ApiResponse.json(200, faults());
            case "DELETE /faults":
                core.faults().clear();
                return ok();
            case "GET /rate-limits":
                return ApiResponse.json(200, core.rateLimiter().limits().toJson());
            case "POST /rate-limits":
                core.rateLimiter().configure(RateLimits.fromJson(parse(body), core.rateLimiter().limits()));
                return ApiResponse.json(200, core.rateLimiter().limits().toJson());
            default:
                return error(404, "not-found", "no admin route " + route);
        }
    }

    private ObjectNode requests() {
        ObjectNode result = Json.object();
        ArrayNode data = Json.array();
        core.requestLog().entries().forEach(e -> data.add(e.toJson()));
        result.put("total_count", data.size());
        result.set("data", data);
        return result;
    }

    private ObjectNode clock() {
        return Json.object().put("now", core.clock().now().toString()).put("ticking", core.clock().ticking());
    }

    private void moveClock(JsonNode body) {
        if (body.hasNonNull("now")) {
            try {
                core.clock().set(Instant.parse(body.get("now").asText()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("now must be an ISO-8601 instant");
            }
        } else if (body.path("advance_seconds").isNumber()) {
            core.clock().advance(Duration.ofMillis(Math.round(body.get("advance_seconds").asDouble() * 1000)));
        } else {
            throw new IllegalArgumentException("send {\"now\": ISO instant} or {\"advance_seconds\": n}");
        }
    }

    private ObjectNode faults() {
        ObjectNode result = Json.object();
        ArrayNode rules = result.putArray("rules");
        core.faults().rules().forEach(r -> rules.add(r.toJson()));
        return result;
    }

    /** Accepts one rule object or {@code {"rules": [...]}}; all rules are checked before any is added. */
    private void addFaults(JsonNode body) {
        java.util.List<FaultRule> parsed = FaultRules.parse(body);
        parsed.forEach(core.faults()::add);
    }

    private static JsonNode parse(byte[] body) {
        return Json.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static ApiResponse ok() {
        return ApiResponse.json(200, Json.object().put("status", "ok"));
    }

    private static ApiResponse error(int status, String error, String info) {
        return ApiResponse.json(status, Json.object().put("error", error).put("info", info));
    }
}
