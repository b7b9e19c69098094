package dev.switchboard.emulator.signalwire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.ApiResponse;
import dev.switchboard.emulator.server.Json;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code /verified_caller_ids} and their verification. Creating one places the verification call at once
 * (a seeded 6-digit code, readable through the admin handle). Limits, with the documented error codes:
 * 5 entry attempts per code ({@code too_many_verification_attempts}; redial for a new code), 10
 * verification calls per number per 7 days ({@code too_many_verification_requests}), one minute between
 * calls ({@code verification_request_too_soon}); a verified id answers {@code already_verified}. A wrong
 * code is a 422 that says how many attempts are left.
 */
final class CallerIdRoutes {
    static final int ATTEMPTS_PER_CODE = 5;
    static final int CALLS_PER_WEEK = 10;
    static final Duration REDIAL_SPACING = Duration.ofMinutes(1);
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");

    private CallerIdRoutes() {
    }

    static ApiResponse list(SwCall call) {
        String name = call.query("filter_name");
        String number = call.query("filter_number");
        List<SwRecord> matching = SwProject.newestFirst(call.project().callerIds.values()).stream()
                .filter(c -> name == null || NumberRoutes.contains(c.text("name"), name))
                .filter(c -> number == null || c.text("number").contains(number)).toList();
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("filter_name", name);
        filters.put("filter_number", number);
        return ApiResponse.json(200, RelayPage.answer(call, matching, filters, c -> c.resource().deepCopy()));
    }

    static ApiResponse get(SwCall call) {
        return ApiResponse.json(200, callerId(call).resource().deepCopy());
    }

    static ApiResponse create(SwCall call) {
        ObjectNode body = call.body();
        SwRecord created = create(call, SwCall.string(body, "number"), SwCall.string(body, "name"),
                SwCall.string(body, "extension"));
        return ApiResponse.json(201, created.resource().deepCopy());
    }

    /** Creates an unverified caller id and places its verification call (Relay-shaped 422s). */
    static SwRecord create(SwCall call, String number, String name, String extension) {
        if (number == null || !E164.matcher(number).matches()) {
            throw SwErrors.invalid("Number must be in E.164 format", "not_e164");
        }
        if (name != null && name.length() > 200) {
            throw SwErrors.invalid("Name is too long (maximum is 200 characters)");
        }
        String id = call.state().newId();
        ObjectNode resource = Json.object().put("type", "verified_caller_id").put("id", id)
                .put("name", name == null || name.isBlank() ? formatted(number) : name)
                .put("extension", extension).put("number", number)
                .put("verified", false).putNull("verified_at").put("status", "Awaiting Verification");
        SwRecord callerId = new SwRecord(id, call.project().register(id), resource, call.now());
        call.project().callerIds.put(id, callerId);
        call.project().verifications.put(id, new Verification(call.state().newVerificationCode(), 0,
                List.of(call.now())));
        return callerId;
    }

    static ApiResponse rename(SwCall call) {
        SwRecord callerId = callerId(call);
        String name = SwCall.string(call.body(), "name");
        if (name == null || name.isBlank()) {
            throw SwErrors.invalid("Name can't be blank");
        }
        callerId.resource().put("name", name);
        return ApiResponse.json(200, callerId.resource().deepCopy());
    }

    static ApiResponse delete(SwCall call) {
        SwRecord callerId = callerId(call);
        call.project().callerIds.remove(callerId.id());
        call.project().verifications.remove(callerId.id());
        return new ApiResponse(204, null, Map.of());
    }

    /** {@code POST .../verification}: calls again with a new code. */
    static ApiResponse redial(SwCall call) {
        SwRecord callerId = unverified(call);
        Verification verification = call.project().verifications.get(callerId.id());
        Instant now = call.now();
        if (verification.lastCall() != null && now.isBefore(verification.lastCall().plus(REDIAL_SPACING))) {
            throw SwErrors.invalid("Please wait a minute before requesting another verification call",
                    "verification_request_too_soon");
        }
        if (verification.callsSince(now.minus(Duration.ofDays(7))) >= CALLS_PER_WEEK) {
            throw SwErrors.invalid("This number has had " + CALLS_PER_WEEK
                    + " verification calls this week; try again later", "too_many_verification_requests");
        }
        verification.code = call.state().newVerificationCode();
        verification.failedAttempts = 0;
        verification.calls.add(now);
        return ApiResponse.json(200, callerId.resource().deepCopy());
    }

    /** {@code PUT .../verification}: checks the code. */
    static ApiResponse verify(SwCall call) {
        SwRecord callerId = unverified(call);
        Verification verification = call.project().verifications.get(callerId.id());
        String code = SwCall.string(call.body(), "verification_code");
        if (verification.failedAttempts >= ATTEMPTS_PER_CODE) {
            throw SwErrors.invalid("Too many attempts with this code; request a new verification call",
                    "too_many_verification_attempts");
        }
        if (code == null || !code.strip().equals(verification.code)) {
            verification.failedAttempts++;
            int left = ATTEMPTS_PER_CODE - verification.failedAttempts;
            throw SwErrors.invalid("Verification code is incorrect; " + left + " attempt" + (left == 1 ? "" : "s")
                    + " left with this code");
        }
        callerId.resource().put("verified", true).put("verified_at", SwTime.iso(call.now())).put("status", "Verified");
        return ApiResponse.json(200, callerId.resource().deepCopy());
    }

    private static SwRecord unverified(SwCall call) {
        SwRecord callerId = callerId(call);
        if (callerId.resource().path("verified").asBoolean(false)) {
            throw SwErrors.invalid("This caller id is already verified", "already_verified");
        }
        return callerId;
    }

    private static SwRecord callerId(SwCall call) {
        SwRecord callerId = call.project().callerIds.get(call.param("id"));
        if (callerId == null) {
            throw SwErrors.notFound();
        }
        return callerId;
    }

    static String formatted(String e164) {
        if (e164.startsWith("+1") && e164.length() == 12) {
            return "(" + e164.substring(2, 5) + ") " + e164.substring(5, 8) + "-" + e164.substring(8);
        }
        return e164;
    }
}
