package dev.switchboard.emulator.daily;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.ApiResponse;
import dev.switchboard.emulator.server.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code /rooms}: create (with {@code enable_dialout} and a {@code sip} property that provisions
 * {@code num_endpoints} SIP endpoints), list, get, delete. Deleting a room ends its calls.
 */
final class RoomRoutes {
    private static final Set<String> FIELDS = Set.of("name", "privacy", "properties");
    private static final Set<String> SIP_FIELDS = Set.of("display_name", "sip_mode", "video", "num_endpoints",
            "force_digit_only_username", "codecs", "provider");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final int MAX_SIP_ENDPOINTS = 5;
    private static final int MAX_PAGE = 100;

    private RoomRoutes() {
    }

    static ApiResponse create(DailyCall call) {
        ObjectNode body = call.body(FIELDS);
        DailyDomain domain = call.domain();
        String name = Json.text(body, "name");
        if (name == null) {
            name = call.state().newId().replace("-", "").substring(0, 20);
        }
        if (!NAME.matcher(name).matches()) {
            throw DailyErrors.invalid("name must be 1-128 letters, digits, '-' or '_'");
        }
        if (domain.rooms.containsKey(name)) {
            throw DailyErrors.invalid("a room named " + name + " already exists");
        }
        String privacy = Json.text(body, "privacy") == null ? "public" : Json.text(body, "privacy");
        if (!privacy.equals("public") && !privacy.equals("private")) {
            throw DailyErrors.invalid("privacy must be public or private");
        }
        JsonNode properties = body.path("properties");
        if (!properties.isMissingNode() && !properties.isObject()) {
            throw DailyErrors.invalid("properties must be an object");
        }
        ObjectNode config = properties.isObject() ? (ObjectNode) properties.deepCopy() : Json.object();
        if (config.has("enable_dialout") && !config.get("enable_dialout").isBoolean()) {
            throw DailyErrors.invalid("enable_dialout must be a boolean");
        }
        Room room = new Room(call.state().newId(), name, privacy, call.state().now(), config,
                sipEndpoints(config.get("sip"), name, domain));
        domain.rooms.put(name, room);
        return ApiResponse.json(200, room.toJson(domain.name));
    }

    /** Newest first, paged like Daily's other lists ({@code limit} up to 100; the cursor is a room's id). */
    static ApiResponse list(DailyCall call) {
        List<Room> oldestFirst = List.copyOf(call.domain().rooms.values());
        List<Room> newestFirst = new ArrayList<>(oldestFirst);
        Collections.reverse(newestFirst);
        return ApiResponse.json(200, Paging.page(newestFirst, oldestFirst::indexOf, cursor -> {
            for (int i = 0; i < oldestFirst.size(); i++) {
                if (oldestFirst.get(i).id().equals(cursor)) {
                    return (long) i;
                }
            }
            throw DailyErrors.invalid("unknown cursor: " + cursor);
        }, call.request().query(), MAX_PAGE, r -> r.toJson(call.domain().name)));
    }

    static ApiResponse get(DailyCall call) {
        return ApiResponse.json(200, room(call).toJson(call.domain().name));
    }

    static ApiResponse delete(DailyCall call) {
        Room room = room(call);
        DailyDomain domain = call.domain();
        domain.sessions.values().stream().filter(s -> s.room().equals(room.name())).toList()
                .forEach(s -> Telephony.leave(call.state(), domain, s));
        domain.participants.removeIf(p -> p.room().equals(room.name()));
        domain.rooms.remove(room.name());
        return ApiResponse.json(200, Json.object().put("deleted", true).put("name", room.name()));
    }

    /** The room named by the path, or 404. */
    static Room room(DailyCall call) {
        Room room = call.domain().rooms.get(call.param("name"));
        if (room == null) {
            throw DailyErrors.notFound("room " + call.param("name") + " does not exist");
        }
        return room;
    }

    private static List<String> sipEndpoints(JsonNode sip, String room, DailyDomain domain) {
        List<String> endpoints = new ArrayList<>();
        if (sip == null || sip.isNull()) {
            return endpoints;
        }
        if (!sip.isObject()) {
            throw DailyErrors.invalid("sip must be an object");
        }
        sip.fieldNames().forEachRemaining(field -> {
            if (!SIP_FIELDS.contains(field)) {
                throw DailyErrors.invalid("unknown sip field: " + field);
            }
        });
        if (Json.text(sip, "display_name") == null || !"dial-in".equals(Json.text(sip, "sip_mode"))) {
            throw DailyErrors.invalid("sip needs display_name and sip_mode \"dial-in\"");
        }
        JsonNode count = sip.path("num_endpoints");
        int n = count.isMissingNode() ? 1 : count.isInt() ? count.asInt() : -1;
        if (n < 1 || n > MAX_SIP_ENDPOINTS) {
            throw DailyErrors.invalid("sip.num_endpoints must be an integer from 1 to " + MAX_SIP_ENDPOINTS);
        }
        for (int i = 0; i < n; i++) {
            endpoints.add(room + "." + i + "@daily-" + domain.id + ".sip.signalwire.com");
        }
        return endpoints;
    }
}
