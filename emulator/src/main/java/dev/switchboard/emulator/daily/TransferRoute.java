package dev.switchboard.emulator.daily;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.ApiResponse;
import dev.switchboard.emulator.server.Json;
import java.util.Set;

/**
 * {@code POST /transfer-phone-number/:id} (undocumented; known from Daily's transfer utility). Authenticated with
 * the source key; the body names the target domain and carries the target's key. The number moves with a new id
 * and pagination id and keeps its number and purchase date. Dial-in configs stay where they are. Active calls on the
 * number drop (participant.left and dialin.stopped / dialout.stopped), as Daily's transfer utility warns.
 * The body holds a secret: nothing here puts it into a message.
 */
final class TransferRoute {
    private static final Set<String> FIELDS = Set.of("transferDomainName", "transferDomainApi");

    private TransferRoute() {
    }

    static ApiResponse transfer(DailyCall call) {
        ObjectNode body = call.body(FIELDS);
        String targetName = requiredText(body, "transferDomainName");
        String targetKey = requiredText(body, "transferDomainApi");
        DailyDomain source = call.domain();
        DailyDomain target = call.state().domainForKey(targetKey)
                .orElseThrow(() -> DailyErrors.invalid("transferDomainApi is not a valid API key"));
        if (!target.name.equals(targetName)) {
            throw DailyErrors.invalid("transferDomainName does not match the domain of transferDomainApi");
        }
        if (target == source) {
            throw DailyErrors.invalid("cannot transfer a number to the domain that owns it");
        }
        PhoneNumber number = source.numbers.get(call.param("id"));
        if (number == null) {
            throw DailyErrors.notFound("no phone number with id " + call.param("id") + " in this domain");
        }
        DailyState state = call.state();
        state.removeNumber(source, number);
        Telephony.dropCallsOn(state, source, number.number());
        source.heldCalls.values().removeIf(held -> held.to().equals(number.number()));
        PhoneNumber moved = number.movedAs(state.newId(), state.takePaginationId());
        state.addNumber(target, moved);
        return ApiResponse.json(200, Json.object().put("status", true).put("newId", moved.id()));
    }

    private static String requiredText(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw DailyErrors.invalid("missing required field: " + field);
        }
        return value.asText();
    }
}
