package dev.switchboard.daily;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.http.ApiRequest;
import dev.switchboard.core.http.HttpApi;
import dev.switchboard.core.http.HttpJson;

import java.util.ArrayList;
import java.util.List;

/**
 * Rooms ({@code /rooms}) on one key, as far as telephony needs them: create (with dial-out and SIP endpoints),
 * list, get and delete. Get it from {@link DailyClient#rooms()}. Thread-safe.
 */
public final class DailyRooms {
    private static final int PAGE_SIZE = 100;

    private final HttpApi api;

    DailyRooms(HttpApi api) {
        this.api = api;
    }

    /** Creates a room ({@code POST /rooms}). Non-idempotent: on an unknown outcome, {@link #get} it by name. */
    public Room create(RoomSpec spec) {
        ObjectNode body = HttpJson.object();
        if (spec.name() != null) {
            body.put("name", spec.name());
        }
        if (spec.privacy() != null) {
            body.put("privacy", spec.privacy());
        }
        ObjectNode properties = body.putObject("properties");
        if (spec.enableDialOut()) {
            properties.put("enable_dialout", true);
        }
        if (spec.sipEndpoints() > 0) {
            properties.putObject("sip").put("display_name", spec.sipDisplayName() != null ? spec.sipDisplayName() : "sip")
                    .put("sip_mode", "dial-in").put("num_endpoints", spec.sipEndpoints());
        }
        return room(api.send(ApiRequest.post("/rooms", body)).body());
    }

    /** Every room of the domain ({@code GET /rooms}, all pages, newest first). */
    public List<Room> list() {
        return DailyPager.fetchAll(api, ApiRequest.get("/rooms"), PAGE_SIZE, item -> DailyMapping.text(item, "id"))
                .stream().map(DailyRooms::room).toList();
    }

    /** @throws dev.switchboard.core.http.NotFoundException when the room does not exist */
    public Room get(String name) {
        return room(api.send(ApiRequest.get(path(name))).body());
    }

    /** Deletes a room; a 404 after an ambiguous attempt means the first attempt deleted it. */
    public void delete(String name) {
        api.send(ApiRequest.delete(path(name)));
    }

    private static String path(String name) {
        return "/rooms/" + HttpApi.pathSegment(name);
    }

    static Room room(JsonNode body) {
        JsonNode config = body.path("config");
        List<String> endpoints = new ArrayList<>();
        JsonNode sipUri = config.path("sip_uri");
        if (sipUri.hasNonNull("endpoint")) {
            endpoints.add(sipUri.get("endpoint").asText());
        }
        sipUri.path("extra_endpoints").forEach(extra -> endpoints.add(extra.asText()));
        return new Room(DailyMapping.text(body, "id"), DailyMapping.text(body, "name"), DailyMapping.text(body, "url"),
                DailyMapping.text(body, "privacy"), DailyMapping.instant(DailyMapping.text(body, "created_at")),
                config.path("enable_dialout").asBoolean(false), endpoints,
                config.isObject() ? (ObjectNode) config : null);
    }
}
