package dev.switchboard.emulator.daily;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.ApiResponse;
import dev.switchboard.emulator.server.Json;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * {@code /verified-caller-ids}: undocumented by Daily, so both the request and the response shapes are
 * inferred. The emulator verifies at once (no call-back flow) and lists the domain's caller IDs newest first.
 */
final class CallerIdRoutes {
    private static final int MAX_PAGE = 100;
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

    /** Newest first with Daily's cursor paging (cursor = pagination_id), like the purchased-number list. */
    static ApiResponse list(DailyCall call) {
        List<VerifiedCallerId> newestFirst = call.domain().callerIds.stream()
                .sorted(Comparator.comparingLong(VerifiedCallerId::paginationId).reversed()).toList();
        return ApiResponse.json(200, Paging.page(newestFirst, VerifiedCallerId::paginationId, CallerIdRoutes::cursor,
                call.request().query(), MAX_PAGE, VerifiedCallerId::toJson));
    }

    private static Long cursor(String cursor) {
        if (!cursor.matches("\\d{1,18}")) {
            throw DailyErrors.invalid("unknown cursor: " + cursor);
        }
        return Long.parseLong(cursor);
    }
}
