package dev.switchboard.emulator.daily;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.ApiResponse;
import dev.switchboard.emulator.server.Json;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Presence over the simulated participants. {@code GET /presence} maps room name to participants;
 * {@code GET /rooms/:name/presence} lists one room (an unknown room is simply empty, as rooms are not modelled
 * yet) with {@code limit}, {@code userId} and {@code userName} filters.
 */
final class PresenceRoutes {
    private PresenceRoutes() {
    }

    static ApiResponse domainPresence(DailyCall call) {
        Instant now = call.state().now();
        ObjectNode body = Json.object();
        for (Participant p : sorted(call.domain().participants)) {
            ArrayNode room = body.has(p.room()) ? (ArrayNode) body.get(p.room()) : body.putArray(p.room());
            room.add(p.toPresenceJson(now, true));
        }
        return ApiResponse.json(200, body);
    }

    static ApiResponse roomPresence(DailyCall call) {
        String room = call.param("name");
        String userId = call.query("userId");
        String userName = call.query("userName");
        int limit = Paging.limit(call.query("limit"), Integer.MAX_VALUE);
        List<Participant> matching = sorted(call.domain().participants).stream()
                .filter(p -> p.room().equals(room))
                .filter(p -> userId == null || userId.equals(p.userId()))
                .filter(p -> userName == null || userName.equals(p.userName()))
                .toList();
        Instant now = call.state().now();
        ObjectNode body = Json.object();
        body.put("total_count", matching.size());
        ArrayNode data = body.putArray("data");
        matching.stream().limit(limit).forEach(p -> data.add(p.toPresenceJson(now, false)));
        return ApiResponse.json(200, body);
    }

    private static List<Participant> sorted(List<Participant> participants) {
        return participants.stream().sorted(Comparator.comparing(Participant::joinTime)).toList();
    }
}
