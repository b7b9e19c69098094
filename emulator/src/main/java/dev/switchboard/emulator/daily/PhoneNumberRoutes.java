package dev.switchboard.emulator.daily;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.ApiException;
import dev.switchboard.emulator.server.ApiResponse;
import dev.switchboard.emulator.server.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Listing, searching, buying and releasing numbers. */
final class PhoneNumberRoutes {
    static final int MAX_PAGE = 50;
    static final int MAX_AVAILABLE = 50;
    static final Duration RELEASE_LOCK = Duration.ofDays(14);

    private final NumberInventory inventory;
    private final DailyOptions options;

    PhoneNumberRoutes(NumberInventory inventory, DailyOptions options) {
        this.inventory = inventory;
        this.options = options;
    }

    /** Purchased numbers and verified caller IDs, newest first, 50 per page, cursor = pagination_id or id. */
    ApiResponse list(DailyCall call) {
        String nameFilter = lower(call.query("filter_name"));
        String numberFilter = call.query("filter_number");
        List<NumberEntry> entries = new ArrayList<>(call.domain().numbers.values());
        entries.addAll(call.domain().callerIds);
        List<NumberEntry> matching = entries.stream()
                .filter(e -> nameFilter == null || lower(e.name()).contains(nameFilter))
                .filter(e -> numberFilter == null || e.number().contains(numberFilter))
                .sorted(Comparator.comparingLong(NumberEntry::paginationId).reversed())
                .toList();
        return ApiResponse.json(200, Paging.page(matching, NumberEntry::paginationId,
                cursor -> numberCursor(call, cursor), call.request().query(), MAX_PAGE, NumberEntry::toJson));
    }

    private static Long numberCursor(DailyCall call, String cursor) {
        if (cursor.matches("\\d{1,18}")) {
            return Long.parseLong(cursor);
        }
        Long paginationId = call.state().numberCursors.get(cursor);
        if (paginationId == null) {
            throw DailyErrors.invalid("unknown cursor: " + cursor);
        }
        return paginationId;
    }

    ApiResponse available(DailyCall call) {
        AvailableNumberQuery query = AvailableNumberQuery.parse(call.request().query());
        List<NumberInventory.Candidate> found = inventory.search(query, call.state()::available);
        ObjectNode body = Json.object();
        ArrayNode data = Json.array();
        found.stream().limit(MAX_AVAILABLE).forEach(c ->
                data.addObject().put(options.availableNumberKey(), c.number()).put("region", c.area().region()));
        body.put("total_count", data.size());
        body.set("data", data);
        return ApiResponse.json(200, body);
    }

    /**
     * Buys the given number (any well-formed US number nobody owns and nobody released), or a random free
     * California number from the stock when none is given; once that stock is bought up, a fresh one.
     */
    ApiResponse buy(DailyCall call) {
        ObjectNode body = call.body(Set.of("number"));
        JsonNode numberNode = body.get("number");
        String number;
        if (numberNode == null || numberNode.isNull()) {
            List<NumberInventory.Candidate> free = inventory.search(
                    AvailableNumberQuery.parse(Map.of("region", "CA")), call.state()::available);
            number = free.isEmpty() ? inventory.freshNumber("CA", call.state())
                    : free.get(call.state().randomIndex(free.size())).number();
        } else if (!numberNode.isTextual()) {
            throw DailyErrors.invalid("number must be a string");
        } else {
            number = numberNode.asText();
            if (!E164.nanp(number) || !call.state().available(number)) {
                throw DailyErrors.numberUnavailable("Number is invalid.");
            }
        }
        PhoneNumber bought = call.state().purchase(call.domain(), number, call.state().now());
        return ApiResponse.json(200, Json.object().put("id", bought.id()).put("number", bought.number()));
    }

    /** Releases a number 14 days or more after purchase; its dial-in config goes with it. */
    ApiResponse release(DailyCall call) {
        DailyDomain domain = call.domain();
        PhoneNumber number = domain.numbers.get(call.param("id"));
        if (number == null) {
            throw DailyErrors.notFound("no phone number with id " + call.param("id") + " in this domain");
        }
        if (call.state().now().isBefore(number.createdDate().plus(RELEASE_LOCK))) {
            throw new ApiException(ApiResponse.json(422,
                    Json.object().put("error", "Failed to release new number, try again in 14 days")));
        }
        call.state().releaseNumber(domain, number);
        return ApiResponse.json(200, Json.object().put("status", "ok"));
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
