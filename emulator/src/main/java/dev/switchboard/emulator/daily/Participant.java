package dev.switchboard.emulator.daily;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.Json;
import java.time.Duration;
import java.time.Instant;

/** A simulated participant present in a room (rooms and calls proper are not modelled yet). */
record Participant(String id, String room, String userId, String userName, String mtgSessionId, Instant joinTime) {

    /**
     * The presence item. {@code nullAsField} decides whether an absent userId/userName appears as null
     * ({@code /presence}, where the spec marks them nullable) or is left out ({@code /rooms/:name/presence},
     * where the spec types them as plain strings).
     */
    ObjectNode toPresenceJson(Instant now, boolean nullAsField) {
        ObjectNode node = Json.object();
        node.put("room", room).put("id", id);
        if (userId != null || nullAsField) {
            node.put("userId", userId);
        }
        if (userName != null || nullAsField) {
            node.put("userName", userName);
        }
        node.put("mtgSessionId", mtgSessionId).put("joinTime", DailyTime.format(joinTime));
        node.put("duration", Math.max(0, Duration.between(joinTime, now).toSeconds()));
        return node;
    }
}
