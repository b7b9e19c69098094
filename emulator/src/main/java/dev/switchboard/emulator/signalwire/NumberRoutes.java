package dev.switchboard.emulator.signalwire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.ApiResponse;
import dev.switchboard.emulator.server.Json;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code /phone_numbers}: purchase, list, get, update, release, and the E911 registration of a number.
 * Purchases answer 200 with the full resource (name null); numbers that are not for sale answer the real
 * 422 with {@code detail: null}. Release is refused for {@code release_cooldown_days} (14) after
 * purchase with SignalWire's message naming the first allowed moment.
 */
final class NumberRoutes {
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");

    private NumberRoutes() {
    }

    static ApiResponse purchase(SwCall call) {
        return ApiResponse.json(200, buy(call, SwCall.string(call.body(), "number")).render());
    }

    /** Buys {@code number} for the caller's project, with the Relay REST checks (422s in the Relay shape). */
    static SwNumber buy(SwCall call, String number) {
        if (number == null || number.isBlank()) {
            throw SwErrors.invalid("Number can't be blank");
        }
        if (!E164.matcher(number).matches()) {
            throw SwErrors.invalid("Number must be in E.164 format", "not_e164");
        }
        SwProject project = call.project();
        if (!call.state().isForSale(number)) {
            throw SwErrors.invalid(null);
        }
        if (project.numbers.size() >= project.numberLimit) {
            throw SwErrors.invalid("This project has reached its limit of " + project.numberLimit
                    + " phone numbers; contact Support to raise it");
        }
        return call.state().own(project, number, call.now(), null);
    }

    static ApiResponse list(SwCall call) {
        String name = call.query("filter_name");
        String number = call.query("filter_number");
        List<SwNumber> matching = SwProject.newestFirst(call.project().numbers.values()).stream()
                .filter(n -> name == null || (n.name() != null && contains(n.name(), name)))
                .filter(n -> number == null || n.number().contains(number))
                .toList();
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("filter_name", name);
        filters.put("filter_number", number);
        return ApiResponse.json(200, RelayPage.answer(call, matching, filters,
                n -> call.state().refreshed(call.project(), n).render()));
    }

    static ApiResponse get(SwCall call) {
        return ApiResponse.json(200, number(call).render());
    }

    static ApiResponse update(SwCall call) {
        SwNumber number = number(call);
        NumberUpdate.apply(call, number, call.body());
        return ApiResponse.json(200, number.render());
    }

    static ApiResponse release(SwCall call) {
        release(call, number(call));
        return new ApiResponse(204, null, Map.of());
    }

    /** Releases the number unless it is inside the release cooldown (a Relay-shaped 422). */
    static void release(SwCall call, SwNumber number) {
        SwProject project = call.project();
        Instant allowed = number.createdAt().plus(Duration.ofDays(project.releaseCooldownDays));
        if (call.now().isBefore(allowed)) {
            throw SwErrors.invalid("Number was purchased too recently to release. Please wait until "
                    + SwTime.releaseDate(allowed) + " UTC to release this number, or contact Support for assistance.");
        }
        call.state().release(project, number);
    }

    static ApiResponse assignE911(SwCall call) {
        SwNumber number = number(call);
        String addressId = SwCall.string(call.body(), "e911_address_id");
        if (addressId == null || addressId.isBlank()) {
            throw SwErrors.invalid("E911 address can't be blank");
        }
        SwRecord address = call.project().addresses.get(addressId);
        if (address == null) {
            throw SwErrors.invalid("E911 address was not found in this project");
        }
        if (!address.resource().path("emergency_enabled").asBoolean(false)
                || !address.resource().path("validated").asBoolean(false)) {
            throw SwErrors.invalid("E911 address is not validated for emergency services");
        }
        boolean voice = false;
        for (var capability : number.resource().path("capabilities")) {
            voice |= capability.asText().equals("voice");
        }
        if (!voice) {
            throw SwErrors.invalid("E911 needs a voice-capable number");
        }
        String status = number.resource().path("e911_status").asText("");
        if (status.equals("pending") || status.equals("pending_removal")) {
            throw SwErrors.invalid("An E911 change is already in progress for this number (" + status + ")");
        }
        number.setE911(addressId, "pending", call.now());
        number.resource().put("updated_at", SwTime.iso(call.now()));
        return ApiResponse.json(200, number.render());
    }

    static ApiResponse removeE911(SwCall call) {
        SwNumber number = number(call);
        String status = number.resource().path("e911_status").asText("");
        if (!status.equals("active")) {
            throw SwErrors.invalid("E911 can only be removed while its status is active (it is "
                    + (status.isEmpty() ? "not registered" : status) + ")");
        }
        number.setE911(number.resource().path("e911_address_id").asText(), "pending_removal", call.now());
        number.resource().put("updated_at", SwTime.iso(call.now()));
        return ApiResponse.json(200, number.render());
    }

    private static SwNumber number(SwCall call) {
        SwNumber number = call.project().numbers.get(call.param("id"));
        if (number == null) {
            throw SwErrors.notFound();
        }
        return call.state().refreshed(call.project(), number);
    }

    static boolean contains(String text, String part) {
        return text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }
}
