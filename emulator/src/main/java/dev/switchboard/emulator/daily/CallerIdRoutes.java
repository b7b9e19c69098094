package dev.switchboard.emulator.daily;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.ApiResponse;
import dev.switchboard.emulator.server.Json;
import java.util.Comparator;
import java.util.Set;

/**
 * {@code /verified-caller-ids}: undocumented by Daily, so both the request and the response shapes are
 * inferred. The emulator verifies at once (no call-back flow) and lists the domain's caller IDs newest first.
 */
final class CallerIdRoutes {
    private static final Set<String> FIELDS = Set.of("number", "name");

    private CallerIdRoutes() {
    }

    static ApiResponse create(DailyCall call) {
        ObjectNode body = call.body(FIELDS);
        String number = Json.text(body, "number");
        if (!E164.valid(number)) {
            throw DailyErrors.invalid("number is required, in E.164 format");
        }
        JsonNode nameNode = body.get("name");
        if (nameNode != null && !nameNode.isNull() && !nameNode.isTextual()) {
            throw DailyErrors.invalid("name must be a string");
        }
        DailyDomain domain = call.domain();
        if (call.state().owns(domain, number)) {
            throw DailyErrors.invalid(number + " is a number purchased by this domain");
        }
        if (domain.callerIds.stream().anyMatch(c -> c.number().equals(number))) {
            throw DailyErrors.invalid(number + " is already a verified caller ID of this domain");
        }
        DailyState state = call.state();
        String name = nameNode == null || nameNode.isNull() ? "" : nameNode.asText();
        VerifiedCallerId created = new VerifiedCallerId(state.takePaginationId(), number, name, state.now());
        domain.callerIds.add(created);
        return ApiResponse.json(200, created.toJson());
    }

    static ApiResponse list(DailyCall call) {
        ObjectNode body = Json.object();
        ArrayNode data = Json.array();
        call.domain().callerIds.stream()
                .sorted(Comparator.comparingLong(VerifiedCallerId::paginationId).reversed())
                .forEach(c -> data.add(c.toJson()));
        body.put("total_count", data.size());
        body.set("data", data);
        return ApiResponse.json(200, body);
    }
}
