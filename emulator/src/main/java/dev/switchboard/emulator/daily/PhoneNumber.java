package dev.switchboard.emulator.daily;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.Json;
import java.time.Instant;

/**
 * A number purchased by (or transferred to) a domain.
 *
 * @param country  optional ISO country, null when unset
 * @param provider optional carrier name, null when unset
 */
record PhoneNumber(String id, long paginationId, String number, String name, Instant createdDate, String status,
                   boolean verified, String country, String provider) implements NumberEntry {

    static final String TYPE = "purchased_phone_number";

    @Override
    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("name", name).put("type", TYPE).put("id", id).put("pagination_id", paginationId);
        node.put("created_date", DailyTime.format(createdDate)).put("number", number);
        node.put("status", status).put("verified", verified);
        if (country != null) {
            node.put("country", country);
        }
        if (provider != null) {
            node.put("provider", provider);
        }
        return node;
    }

    /** The same number under a new id and pagination id, as a transfer leaves it in the target domain. */
    PhoneNumber movedAs(String newId, long newPaginationId) {
        return new PhoneNumber(newId, newPaginationId, number, name, createdDate, status, verified, country, provider);
    }
}
