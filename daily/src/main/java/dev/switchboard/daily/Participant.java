package dev.switchboard.daily;

import java.time.Instant;

/** One participant in a presence snapshot; Daily's data may lag by up to 15 seconds. */
public record Participant(String room, String id, String userId, String userName, String mtgSessionId,
                          Instant joinTime, Long durationSeconds) {
}
