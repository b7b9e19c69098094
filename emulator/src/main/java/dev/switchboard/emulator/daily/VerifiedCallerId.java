package dev.switchboard.emulator.daily;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.Json;
import java.time.Instant;

/**
 * A number the customer owns elsewhere and verified for use as caller ID (undocumented API; shape inferred).
 * It appears in {@code /purchased-phone-numbers} with {@code "id": null}: Daily's own transfer utility reads
 * {@code num['id']} on every listed item before testing it for emptiness, so the real API sends the key.
 */
record VerifiedCallerId(long paginationId, String number, String name, Instant createdDate) implements NumberEntry {

    static final String TYPE = "verified_caller_id";

    @Override
    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("name", name).put("type", TYPE).putNull("id");
        node.put("pagination_id", paginationId);
        node.put("created_date", DailyTime.format(createdDate)).put("number", number);
        node.put("status", "verified").put("verified", true);
        return node;
    }
}
